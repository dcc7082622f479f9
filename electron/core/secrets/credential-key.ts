// Where the core gets the key its credentials are encrypted with. The key never sits in the
// database: the core receives it through CredentialKey, chosen by the host when it starts the core.
// The web host and the command line keep it in a key file in the data folder (key-file.ts); the
// desktop app keeps it in the operating system's store (Electron safeStorage, electron/main) and
// hands the bytes over; tests give a fixed test key.
import { ApiError } from '../../../shared/errors.ts';

export interface CredentialKey {
  /** The key, or null while there is none; fails (code credential_key) when one is there but cannot be used. */
  load(): Buffer | null;
  /** The key, made first where there is none. An existing key is returned as it is, never replaced. */
  create(): Buffer;
  /** Where the key lives, for messages ("the key file /home/…/credentials.key"). */
  readonly where: string;
}

export function keyError(message: string): ApiError {
  return new ApiError({ code: 'credential_key', message });
}

/** A key held in memory (KEY_BYTES long): the desktop shell's, or a test's. */
export function givenKey(bytes: Uint8Array, where: string): CredentialKey {
  const key = Buffer.from(bytes);
  return { load: () => key, create: () => key, where };
}
