// The key source a host names when it starts the core, made into the CredentialKey the core uses.
import { existsSync } from 'node:fs';
import { KEY_BYTES } from './cipher.ts';
import { givenKey, keyError, type CredentialKey } from './credential-key.ts';
import { keyFile, writeOwnerOnly } from './key-file.ts';

/**
 * The key as it crosses to the core's thread (structured cloning carries no methods): the data
 * folder's key file, bytes the host loaded, a new key the host had sealed, or why it has none.
 */
export type CredentialKeySource =
  | { kind: 'file' }
  | { kind: 'given'; key: Uint8Array; where: string }
  /**
   * No key yet in the system store: the desktop shell made one and had the store seal it; the
   * sealed bytes are written to `file` when the first secret needs the key (nothing is made before).
   */
  | { kind: 'toSeal'; key: Uint8Array; sealed: Uint8Array; file: string; where: string }
  | { kind: 'unavailable'; reason: string; where: string };

/** No key can be had (the host says why): credentials stay listed, secrets closed. */
function unavailableKey(reason: string, where: string): CredentialKey {
  return {
    load: () => {
      throw keyError(reason);
    },
    create: () => {
      throw keyError(reason);
    },
    where,
  };
}

/** The shell's new key: none until its sealed form is written, which the first secret does. */
function keyToSeal(source: Extract<CredentialKeySource, { kind: 'toSeal' }>): CredentialKey {
  const key = Buffer.from(source.key);
  const madeElsewhere = () => keyError(`The credentials key ${source.file} was made while Fieldbook was running; restart Fieldbook to use it.`);
  let written = false;
  /** Whether the key is in place; a sealed file this process did not write only the shell can open. */
  const inPlace = (): boolean => {
    if (written) return true;
    if (existsSync(source.file)) throw madeElsewhere();
    return false;
  };
  return {
    load: () => (inPlace() ? key : null),
    create: () => {
      if (inPlace()) return key;
      if (!writeOwnerOnly(source.file, source.sealed)) throw madeElsewhere();
      written = true;
      return key;
    },
    where: source.where,
  };
}

export function credentialKeyOf(source: CredentialKeySource, dataDir: string): CredentialKey {
  // A key of the wrong length closes the secrets, not the app.
  if ((source.kind === 'given' || source.kind === 'toSeal') && source.key.length !== KEY_BYTES) {
    return unavailableKey(`The credentials key from ${source.where} has ${source.key.length} bytes, not ${KEY_BYTES}.`, source.where);
  }
  if (source.kind === 'given') return givenKey(source.key, source.where);
  if (source.kind === 'toSeal') return keyToSeal(source);
  if (source.kind === 'unavailable') return unavailableKey(source.reason, source.where);
  return keyFile(dataDir);
}
