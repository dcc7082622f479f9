// One secret encrypted at rest: AES-256-GCM with a fresh 12-byte IV each time, the credential's id
// as additional authenticated data (a ciphertext copied onto another row fails to open), stored as
// one text value `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url). The keyId is a short fingerprint
// of the key, so a value encrypted with another installation's key is told apart from a damaged one;
// GCM's tag makes a wrong key or a changed byte fail instead of yielding garbage.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

/** The first 8 hex digits of HMAC-SHA-256(key, 'fieldbook key id'): names a key without revealing it. */
export function keyIdOf(key: Buffer): string {
  return createHmac('sha256', key).update('fieldbook key id').digest('hex').slice(0, 8);
}

export function encryptSecret(key: Buffer, credentialId: string, secret: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(credentialId, 'utf8'));
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [VERSION, keyIdOf(key), iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

/** Why a stored value does not open; none of them carries the value or the key. */
export type OpenFailure =
  /** Not a value this version writes (cut off, edited, another format). */
  | { kind: 'damaged' }
  /** Encrypted with a key whose id is not this one's. */
  | { kind: 'otherKey'; keyId: string }
  /** Right key id, but the authentication failed: changed bytes, or moved to another row. */
  | { kind: 'tampered' };

interface Parts {
  keyId: string;
  iv: Buffer;
  body: Buffer;
  tag: Buffer;
}

function parse(stored: string): Parts | null {
  const parts = stored.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION || !/^[0-9a-f]{8}$/.test(parts[1]!)) return null;
  if (!parts.slice(2).every((p) => /^[A-Za-z0-9_-]*$/.test(p))) return null;
  const [iv, body, tag] = parts.slice(2).map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer];
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return null;
  return { keyId: parts[1]!, iv, body, tag };
}

/** The id of the key a stored value was encrypted with; null for a value that is not one. */
export function storedKeyId(stored: string): string | null {
  return parse(stored)?.keyId ?? null;
}

export function decryptSecret(key: Buffer, credentialId: string, stored: string): { ok: true; secret: string } | { ok: false; failure: OpenFailure } {
  const parts = parse(stored);
  if (!parts) return { ok: false, failure: { kind: 'damaged' } };
  if (parts.keyId !== keyIdOf(key)) return { ok: false, failure: { kind: 'otherKey', keyId: parts.keyId } };
  const decipher = createDecipheriv(ALGORITHM, key, parts.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(credentialId, 'utf8'));
  decipher.setAuthTag(parts.tag);
  try {
    return { ok: true, secret: Buffer.concat([decipher.update(parts.body), decipher.final()]).toString('utf8') };
  } catch {
    return { ok: false, failure: { kind: 'tampered' } };
  }
}
