// The desktop app's credentials key, kept by the operating system's store (Electron safeStorage:
// the Keychain on macOS, DPAPI on Windows, the Secret Service or KWallet on Linux): 32 random bytes,
// sealed by the store into credentials.key.safe in the data folder, opened here and handed to the
// core as bytes. Where the store is not available (or on Linux only its fixed-password fallback
// is), and where a key file from before is already in the data folder, the core uses the key file
// as the web host does. Takes safeStorage as a parameter, so it is tested with a stand-in.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEY_BYTES } from '../core/secrets/cipher.ts';
import { KEY_FILE } from '../core/secrets/key-file.ts';
import type { CredentialKeySource } from '../core/secrets/key-source.ts';

export const SEALED_KEY_FILE = 'credentials.key.safe';

/** The part of Electron's safeStorage used here. */
export interface SystemStore {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(sealed: Buffer): string;
  /** Linux only: 'basic_text' is a password built into Chromium, no protection at all. */
  getSelectedStorageBackend?: () => string;
}

export function credentialKeySource(store: SystemStore, dataDir: string, platform: NodeJS.Platform = process.platform): CredentialKeySource {
  if (!store.isEncryptionAvailable()) return { kind: 'file' };
  if (platform === 'linux' && store.getSelectedStorageBackend?.() === 'basic_text') return { kind: 'file' };
  // Secrets made while the key was a file (an earlier start without the store, the web host on
  // this folder) open with that file: it stays the key.
  if (existsSync(join(dataDir, KEY_FILE))) return { kind: 'file' };
  const file = join(dataDir, SEALED_KEY_FILE);
  const where = `the system's key store (${file})`;
  let sealed: Buffer;
  try {
    sealed = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return { kind: 'unavailable', reason: `The credentials key ${file} cannot be read: ${(error as Error).message}`, where };
    const key = randomBytes(KEY_BYTES);
    return { kind: 'toSeal', key, sealed: store.encryptString(key.toString('base64')), file, where };
  }
  let key: Buffer;
  try {
    key = Buffer.from(store.decryptString(sealed), 'base64');
  } catch (error) {
    return {
      kind: 'unavailable',
      reason: `The system's key store cannot open the credentials key ${file} (${(error as Error).message}): it was sealed for another user or computer, or the store was reset.`,
      where,
    };
  }
  if (key.length !== KEY_BYTES) return { kind: 'unavailable', reason: `The credentials key ${file} is damaged: it does not hold a ${KEY_BYTES}-byte key.`, where };
  return { kind: 'given', key, where };
}
