// Test accounts and credentials of a project. Each secret is stored encrypted (secrets/cipher.ts)
// with this installation's key (secrets/credential-key.ts), so the database, its change log and
// the sync's change files carry the ciphertext only. The list masks secrets; the clear text leaves
// the core only through credentials.reveal (noted in the item's history, as a copy is) and for a
// document the consultant exports with credentials included. No message names a secret.
import { and, asc, eq, ne } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/api.ts';
import {
  CREDENTIAL_FIELDS,
  type Credential,
  type CredentialAccess,
  type CredentialField,
  type CredentialForDocument,
  type CredentialHistoryEntry,
  type CredentialList,
  type KeyStatus,
  type SecretState,
} from '../../../shared/credentials/types.ts';
import { ApiError } from '../../../shared/errors.ts';
import type { FieldValue } from '../db/entities.ts';
import { fieldsOf, live, liveRow } from '../db/read.ts';
import * as t from '../db/tables/index.ts';
import { authorName, deviceLabel } from '../device.ts';
import { parseStamp } from '../hlc.ts';
import { newId } from '../ids.ts';
import { decryptSecret, encryptSecret, keyIdOf, storedKeyId, type OpenFailure } from '../secrets/cipher.ts';
import { changesFor, requireRow, type Context } from './context.ts';
import { rowChanges } from './row-changes.ts';
import { found } from './rows.ts';

type CredentialRow = Omit<typeof t.credential.$inferSelect, 'deleted'>;

/** This installation's key as far as it can be had: the key, or why not (for the screen to say). */
function loadKey(ctx: Context): { key: Buffer | null; status: KeyStatus } {
  try {
    const key = ctx.credentialKey.load();
    return key ? { key, status: { state: 'ready', keyId: keyIdOf(key) } } : { key: null, status: { state: 'none' } };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'credential_key') return { key: null, status: { state: 'unusable', problem: error.message } };
    throw error;
  }
}

function secretState(key: Buffer | null, stored: string): SecretState {
  if (stored === '') return 'none';
  const keyId = storedKeyId(stored);
  if (keyId === null) return 'damaged';
  if (!key) return 'noKey';
  return keyId === keyIdOf(key) ? 'open' : 'otherKey';
}

function loadCredential(ctx: Context, id: string): CredentialRow {
  return found(ctx.store.orm.select(fieldsOf(t.credential)).from(t.credential).where(liveRow(t.credential, id)).get(), 'id', 'credential', id);
}

function projectCredentials(ctx: Context, projectId: string): CredentialRow[] {
  return ctx.store.orm
    .select(fieldsOf(t.credential))
    .from(t.credential)
    .where(and(eq(t.credential.projectId, projectId), live(t.credential)))
    .orderBy(asc(t.credential.service), asc(t.credential.createdAt), asc(t.credential.id))
    .all();
}

const TRACKED: ReadonlySet<string> = new Set<CredentialField>([...CREDENTIAL_FIELDS, 'secret']);

/** Changes from the change log (a secret's without its values) and the reveals and copies, oldest first. */
function historyOf(ctx: Context, id: string): CredentialHistoryEntry[] {
  const changes = rowChanges(ctx, 'credential', id);
  const current = new Map<string, FieldValue>();
  const text = (value: FieldValue | undefined): string | null => (value === null || value === undefined ? null : String(value));
  const entries: CredentialHistoryEntry[] = [];
  for (const r of changes) {
    const known = current.has(r.field);
    const from = current.get(r.field) ?? null;
    current.set(r.field, r.value);
    if (!TRACKED.has(r.field)) continue;
    // A field made with the item is not news; its later values are.
    if (!known || from === r.value) continue;
    const secret = r.field === 'secret';
    entries.push({
      kind: 'change',
      field: r.field as CredentialField,
      from: secret ? null : text(from),
      to: secret ? null : text(r.value),
      at: new Date(parseStamp(r.stamp).ms).toISOString(),
      by: deviceLabel(r.device ?? undefined, r.deviceId),
    });
  }
  const accesses = ctx.store.orm
    .select({
      action: t.credentialAccess.action,
      at: t.credentialAccess.at,
      by: t.credentialAccess.by,
      deviceId: t.credentialAccess.deviceId,
      device: { userName: t.device.userName, hostName: t.device.hostName, personName: t.device.personName },
    })
    .from(t.credentialAccess)
    .leftJoin(t.device, eq(t.device.id, t.credentialAccess.deviceId))
    .where(and(eq(t.credentialAccess.credentialId, id), live(t.credentialAccess)))
    .all();
  for (const a of accesses) {
    const label = deviceLabel(a.device ?? undefined, a.deviceId);
    entries.push({ kind: a.action, at: a.at, by: { ...label, person: a.by || label.person } });
  }
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

function toCredential(ctx: Context, row: CredentialRow, key: Buffer | null): Credential {
  const { secret, ...fields } = row;
  return { ...fields, secret: secretState(key, secret), secretKeyId: storedKeyId(secret), history: historyOf(ctx, row.id) };
}

export function listCredentials(ctx: Context, input: ParsedInput<'credentials.list'>): CredentialList {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  const { key, status } = loadKey(ctx);
  const rows = projectCredentials(ctx, input.projectId);
  const mine = key ? keyIdOf(key) : null;
  const otherKeyIds = [...new Set(rows.map((r) => storedKeyId(r.secret)).filter((id): id is string => id !== null && id !== mine))].sort();
  return { key: status, otherKeyIds, credentials: rows.map((row) => toCredential(ctx, row, key)) };
}

/** Key ids of stored secrets (any project's) that the given key does not fit. */
function strangeKeyIds(ctx: Context, keyId: string | null): string[] {
  const rows = ctx.store.orm
    .selectDistinct({ secret: t.credential.secret })
    .from(t.credential)
    .where(and(ne(t.credential.secret, ''), live(t.credential)))
    .all();
  return [...new Set(rows.map((r) => storedKeyId(r.secret)).filter((id): id is string => id !== null && id !== keyId))].sort();
}

/**
 * The key a new secret is encrypted with. Where there is none yet, it is made; but not silently
 * while secrets here were encrypted with a key this installation lacks (its key file deleted, a
 * colleague's secrets synced in): a second key would leave those closed for good if the first is
 * not put back, so that takes startNewKey.
 */
function keyForWriting(ctx: Context, startNewKey: boolean | undefined): Buffer {
  const key = ctx.credentialKey.load();
  if (key) return key;
  const strange = strangeKeyIds(ctx, null);
  if (strange.length > 0 && !startNewKey) {
    throw new ApiError({
      code: 'credential_key',
      field: 'startNewKey',
      message:
        `startNewKey: secrets here were encrypted with the key ${strange.join(', ')}, which this installation does not have (${ctx.credentialKey.where} is missing). ` +
        'Put that key in place to open them, or confirm that this secret is stored under a new key of its own (the others stay closed until their key is back).',
    });
  }
  return ctx.credentialKey.create();
}

/** The stored value for a secret typed: '' stays '' (no secret), anything else encrypted for this row. */
function storedSecret(ctx: Context, id: string, secret: string, startNewKey: boolean | undefined): string {
  return secret === '' ? '' : encryptSecret(keyForWriting(ctx, startNewKey), id, secret);
}

function credentialOut(ctx: Context, id: string): Credential {
  return toCredential(ctx, loadCredential(ctx, id), loadKey(ctx).key);
}

export function createCredential(ctx: Context, input: ParsedInput<'credentials.create'>): Credential {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  const id = newId();
  ctx.store.apply(
    changesFor('credential', id, {
      projectId: input.projectId,
      service: input.service,
      host: input.host ?? '',
      userName: input.userName ?? '',
      secret: storedSecret(ctx, id, input.secret ?? '', input.startNewKey),
      notes: input.notes ?? '',
      createdAt: ctx.now().toISOString(),
    }),
  );
  return credentialOut(ctx, id);
}

export function updateCredential(ctx: Context, input: ParsedInput<'credentials.update'>): Credential {
  const before = loadCredential(ctx, input.id);
  const changed = CREDENTIAL_FIELDS.filter((f) => input[f] !== undefined && input[f] !== before[f]);
  const values: Partial<Record<CredentialField, string>> = Object.fromEntries(changed.map((f) => [f, input[f]]));
  // A secret typed is a new secret (a new IV even for the same text); removing one that is not there changes nothing.
  if (input.secret !== undefined && !(input.secret === '' && before.secret === '')) values.secret = storedSecret(ctx, before.id, input.secret, input.startNewKey);
  ctx.store.apply(changesFor('credential', before.id, values));
  return credentialOut(ctx, before.id);
}

export function removeCredential(ctx: Context, input: ParsedInput<'credentials.remove'>): { id: string } {
  loadCredential(ctx, input.id);
  ctx.store.apply(changesFor('credential', input.id, { deleted: true }));
  return { id: input.id };
}

function recordAccess(ctx: Context, credentialId: string, action: CredentialAccess): void {
  ctx.store.apply(
    changesFor('credentialAccess', newId(), { credentialId, action, at: ctx.now().toISOString(), by: authorName(ctx.store), deviceId: ctx.store.deviceId }),
  );
}

/** Why a stored secret does not open here, in words that name the keys and never the secret. */
function openFailureMessage(ctx: Context, failure: OpenFailure | { kind: 'noKey'; keyId: string }, myKeyId: string | null): string {
  switch (failure.kind) {
    case 'noKey':
      return `This installation has no credentials key (${ctx.credentialKey.where} is missing): the secret was encrypted with the key ${failure.keyId}. Put that key back (a copy of the key file from where it was made) to open it; everything else works without it.`;
    case 'otherKey':
      return `The secret was encrypted with another installation's key ${failure.keyId}; this installation's key is ${myKeyId}. Copy that installation's key here to open it.`;
    case 'tampered':
      return `The secret does not open with this installation's key ${myKeyId}: its stored value was changed, or belongs to another credential.`;
    case 'damaged':
      return 'The stored secret is damaged: it is not a value Fieldbook writes. Type the secret again.';
  }
}

/** The secret in clear text, or a credential_key error (naming `field`) saying why it does not open. */
function openSecret(ctx: Context, row: CredentialRow, field: string): string {
  if (row.secret === '') return '';
  let key: Buffer | null;
  try {
    key = ctx.credentialKey.load();
  } catch (error) {
    throw error instanceof ApiError ? new ApiError({ code: error.code, field, message: `${field}: ${error.message}` }) : error;
  }
  const keyId = storedKeyId(row.secret);
  let failure: OpenFailure | { kind: 'noKey'; keyId: string };
  if (key) {
    const opened = decryptSecret(key, row.id, row.secret);
    if (opened.ok) return opened.secret;
    failure = opened.failure;
  } else {
    failure = keyId === null ? { kind: 'damaged' } : { kind: 'noKey', keyId };
  }
  throw new ApiError({ code: 'credential_key', field, message: `${field}: ${openFailureMessage(ctx, failure, key && keyIdOf(key))}` });
}

export function revealCredential(ctx: Context, input: ParsedInput<'credentials.reveal'>): { secret: string } {
  const row = loadCredential(ctx, input.id);
  if (row.secret === '') throw new ApiError({ code: 'not_found', field: 'id', message: 'id: this credential has no secret' });
  const secret = openSecret(ctx, row, 'id');
  recordAccess(ctx, row.id, 'revealed');
  return { secret };
}

export function copiedCredential(ctx: Context, input: ParsedInput<'credentials.copied'>): { id: string } {
  loadCredential(ctx, input.id);
  recordAccess(ctx, input.id, 'copied');
  return { id: input.id };
}

/**
 * The project's test accounts for a document. With secrets (the consultant ticked "include
 * credentials" for this export) each is opened, and a key missing or not fitting fails the export,
 * naming includeCredentials; without, every secret is '' and no key is needed.
 */
export function credentialsForDocument(ctx: Context, projectId: string, options: { secrets: boolean } = { secrets: true }): CredentialForDocument[] {
  return projectCredentials(ctx, projectId).map((row) => ({
    service: row.service,
    host: row.host,
    userName: row.userName,
    secret: options.secrets ? openSecret(ctx, row, 'includeCredentials') : '',
    notes: row.notes,
  }));
}
