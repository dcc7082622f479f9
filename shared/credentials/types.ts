// Test accounts and credentials of a project as the API shows them: the secret never, only whether
// there is one and whether this installation's key opens it; the clear text only from
// credentials.reveal, and for a document that includes credentials.
import type { DeviceName } from '../domain.ts';

export const CREDENTIAL_ACCESSES = ['revealed', 'copied'] as const;
export type CredentialAccess = (typeof CREDENTIAL_ACCESSES)[number];

/** The fields a person types (the secret besides, which is encrypted before it is stored). */
export const CREDENTIAL_FIELDS = ['service', 'host', 'userName', 'notes'] as const;
export type CredentialField = (typeof CREDENTIAL_FIELDS)[number] | 'secret';

/**
 * Whether a secret can be opened here: 'open' with this installation's key; 'noKey' while this
 * installation has none (or cannot use it); 'otherKey' when it was encrypted with another
 * installation's key (keyId names it); 'damaged' when the stored value is not one.
 */
export type SecretState = 'none' | 'open' | 'noKey' | 'otherKey' | 'damaged';

export type CredentialHistoryEntry =
  /** A field changed (a secret's values are never shown: `from` and `to` are null for it). */
  | { kind: 'change'; field: CredentialField; from: string | null; to: string | null; at: string; by: DeviceName }
  | { kind: CredentialAccess; at: string; by: DeviceName };

export interface Credential {
  id: string;
  projectId: string;
  service: string;
  host: string;
  userName: string;
  notes: string;
  secret: SecretState;
  /** The id of the key the secret was encrypted with; null without a secret (or a damaged one). */
  secretKeyId: string | null;
  createdAt: string;
  /** Oldest first: changes (a secret's without values), reveals and copies. */
  history: CredentialHistoryEntry[];
}

/**
 * This installation's key as the credentials screen tells it: 'ready' (keyId names it), 'none'
 * while there is none yet (the first secret makes it), or 'unusable' with why (a key file others
 * can read, a damaged one, a system store that cannot open it).
 */
export type KeyStatus = { state: 'ready'; keyId: string } | { state: 'none' } | { state: 'unusable'; problem: string };

export interface CredentialList {
  key: KeyStatus;
  /** Key ids of secrets this installation's key cannot open (a colleague's installation's), each once. */
  otherKeyIds: string[];
  credentials: Credential[];
}

/** A test account for a document, its secret opened (only when the export includes credentials). */
export interface CredentialForDocument {
  service: string;
  host: string;
  userName: string;
  secret: string;
  notes: string;
}
