// The credentials key as a file in the data folder (web host, command line, and the desktop app
// where the system store is not available): 32 random bytes, base64 on one line, so a colleague
// who syncs can be given a copy. Made on first need with owner-only permissions: written whole
// under a temporary name (created exclusively, 0600), then linked to its name, which fails rather
// than replace a key another process made meanwhile. A key file others can read is refused on
// POSIX systems: the secrets would be as open as its permissions.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { KEY_BYTES } from './cipher.ts';
import { keyError, type CredentialKey } from './credential-key.ts';

export const KEY_FILE = 'credentials.key';

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

function readKeyFile(file: string): Buffer | null {
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch (error) {
    if (isMissing(error)) return null;
    throw keyError(`The credentials key file ${file} cannot be read: ${(error as Error).message}`);
  }
  // Windows has no such bits (its folder's ACL guards the file); elsewhere group and others get nothing.
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw keyError(`The credentials key file ${file} can be read by other users (mode ${(mode & 0o777).toString(8)}); allow only its owner (chmod 600 ${file}) and try again.`);
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== KEY_BYTES) throw keyError(`The credentials key file ${file} is damaged: it does not hold a ${KEY_BYTES}-byte key.`);
  return key;
}

/**
 * Writes a file only its owner may read, whole or not at all, never over one that is there: under
 * a temporary name created exclusively (0600), flushed, then linked to its name. False when another
 * process made the file first (theirs stands).
 */
export function writeOwnerOnly(file: string, content: Uint8Array): boolean {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  } finally {
    unlinkSync(temporary);
  }
}

export function keyFile(dataDir: string): CredentialKey {
  const file = join(dataDir, KEY_FILE);
  return {
    load: () => readKeyFile(file),
    create: () => {
      const existing = readKeyFile(file);
      if (existing) return existing;
      writeOwnerOnly(file, Buffer.from(`${randomBytes(KEY_BYTES).toString('base64')}\n`));
      return readKeyFile(file)!;
    },
    where: `the key file ${file}`,
  };
}
