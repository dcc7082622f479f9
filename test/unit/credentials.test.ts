// Credentials encrypted at rest: AES-256-GCM per secret (a wrong key, a changed byte or a value
// moved to another row never opens), the key outside the database (a key file with owner-only
// permissions, made on first need, refused when others can read it), masked lists, reveals and
// copies in the history without the secret, only ciphertext in the change log, and a lost key
// that closes the secrets and nothing else.
import { chmodSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.ts';
import { decryptSecret, encryptSecret, keyIdOf, storedKeyId } from '../../electron/core/secrets/cipher.ts';
import { givenKey } from '../../electron/core/secrets/credential-key.ts';
import { KEY_FILE, keyFile } from '../../electron/core/secrets/key-file.ts';
import { credentialKeyOf } from '../../electron/core/secrets/key-source.ts';
import type { Credential, CredentialList } from '../../shared/credentials/types.ts';
import type { Customer, ProjectDetail } from '../../shared/domain.ts';
import { credentialBlocks } from '../../shared/documents/credentials.ts';
import { ApiError } from '../../shared/errors.ts';
import { TEST_KEY_BYTES, dumpDatabase, inspect, openTestCore, removeTempDirs, tempDir } from '../support/temp-store.ts';

afterEach(removeTempDirs);

const KEY = TEST_KEY_BYTES;
const OTHER_KEY = Buffer.alloc(32, 7);
const ID = '019a0000-0000-7000-8000-000000000001';
const SECRET = 'Sommer-2026!imap';
const POSIX = process.platform !== 'win32';

/** One base64url character of part `index` of a stored value, changed. */
function tamper(stored: string, index: number): string {
  const parts = stored.split('.');
  const part = parts[index]!;
  parts[index] = (part[0] === 'A' ? 'B' : 'A') + part.slice(1);
  return parts.join('.');
}

describe('the cipher', () => {
  it('opens what it sealed, with a fresh IV each time and the key named by its id only', () => {
    const a = encryptSecret(KEY, ID, SECRET);
    const b = encryptSecret(KEY, ID, SECRET);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(a).not.toContain(SECRET);
    expect(storedKeyId(a)).toBe(keyIdOf(KEY));
    expect(decryptSecret(KEY, ID, a)).toEqual({ ok: true, secret: SECRET });
    expect(decryptSecret(KEY, ID, encryptSecret(KEY, ID, 'Grüße ✓'))).toEqual({ ok: true, secret: 'Grüße ✓' });
  });

  it('refuses a wrong key by its id, and a changed byte or another row by the authentication', () => {
    const stored = encryptSecret(KEY, ID, SECRET);
    expect(decryptSecret(OTHER_KEY, ID, stored)).toEqual({ ok: false, failure: { kind: 'otherKey', keyId: keyIdOf(KEY) } });
    // A wrong key that claims the right id (the id is only a hint) still never yields text.
    const claimed = stored.replace(keyIdOf(KEY), keyIdOf(OTHER_KEY));
    expect(decryptSecret(OTHER_KEY, ID, claimed)).toEqual({ ok: false, failure: { kind: 'tampered' } });
    expect(decryptSecret(KEY, ID, tamper(stored, 3))).toEqual({ ok: false, failure: { kind: 'tampered' } });
    expect(decryptSecret(KEY, ID, tamper(stored, 4))).toEqual({ ok: false, failure: { kind: 'tampered' } });
    expect(decryptSecret(KEY, ID, tamper(stored, 2))).toEqual({ ok: false, failure: { kind: 'tampered' } });
    // Additional authenticated data: the same value on another credential does not open.
    expect(decryptSecret(KEY, '019a0000-0000-7000-8000-000000000002', stored)).toEqual({ ok: false, failure: { kind: 'tampered' } });
    expect(decryptSecret(KEY, ID, stored.slice(0, -3))).toEqual({ ok: false, failure: { kind: 'damaged' } });
    expect(decryptSecret(KEY, ID, SECRET)).toEqual({ ok: false, failure: { kind: 'damaged' } });
  });
});

describe('the key file', () => {
  it('is made on first need, owner-only, and never replaced', () => {
    const dir = tempDir();
    const key = keyFile(dir);
    expect(key.load()).toBeNull();
    expect(existsSync(join(dir, KEY_FILE))).toBe(false);
    const made = key.create();
    expect(made).toHaveLength(32);
    if (POSIX) expect(statSync(join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    const text = readFileSync(join(dir, KEY_FILE), 'utf8');
    expect(key.create()).toEqual(made);
    expect(keyFile(dir).load()).toEqual(made);
    expect(readFileSync(join(dir, KEY_FILE), 'utf8')).toBe(text);
  });

  it.skipIf(!POSIX)('is refused, with what to do, when others can read it', () => {
    const dir = tempDir();
    keyFile(dir).create();
    chmodSync(join(dir, KEY_FILE), 0o644);
    const refusal = (() => {
      try {
        keyFile(dir).load();
      } catch (error) {
        return error as ApiError;
      }
      throw new Error('a world-readable key file was used');
    })();
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal.code).toBe('credential_key');
    expect(refusal.message).toContain('can be read by other users (mode 644)');
    expect(refusal.message).toContain(`chmod 600 ${join(dir, KEY_FILE)}`);
    expect(() => keyFile(dir).create()).toThrow(/can be read by other users/);
  });

  it('reports a damaged key file instead of using it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, KEY_FILE), 'c2hvcnQ=\n', { mode: 0o600 });
    expect(() => keyFile(dir).load()).toThrow(/is damaged/);
  });

  it("comes from the host's source: bytes handed over, the file, or why there is none", () => {
    const dir = tempDir();
    expect(credentialKeyOf({ kind: 'given', key: KEY, where: 'the system store' }, dir).load()).toEqual(KEY);
    expect(credentialKeyOf({ kind: 'file' }, dir).where).toBe(`the key file ${join(dir, KEY_FILE)}`);
    expect(() => credentialKeyOf({ kind: 'unavailable', reason: 'The system store is locked.', where: 'the system store' }, dir).load()).toThrow('The system store is locked.');
    expect(() => credentialKeyOf({ kind: 'given', key: KEY.subarray(0, 16), where: 'the system store' }, dir).load()).toThrow(/16 bytes, not 32/);
  });
});

function project(core: Core): string {
  const customer = core.call('customers.create', { name: 'Stadtwerke Nordhafen' }) as Customer;
  return (core.call('projects.create', { customerId: customer.id, name: 'Webmail 2027' }) as ProjectDetail).project.id;
}

function refusal(core: Core, method: string, input: object): ApiError {
  const before = dumpDatabase(core);
  try {
    core.call(method, input);
  } catch (error) {
    expect(dumpDatabase(core), `${method} must write nothing when it refuses`).toEqual(before);
    return error as ApiError;
  }
  throw new Error(`${method} was accepted`);
}

const list = (core: Core, projectId: string) => core.call('credentials.list', { projectId }) as CredentialList;

describe('credentials through the API', () => {
  it('lists secrets masked, reveals one and notes the reveal and a copy in the history, never the secret', () => {
    const core = openTestCore();
    const projectId = project(core);
    const made = core.call('credentials.create', { projectId, service: 'IMAP', host: 'imap.nordhafen.example', userName: 'test01', secret: SECRET, notes: 'Testpostfach' }) as Credential;
    expect(made).toMatchObject({ service: 'IMAP', host: 'imap.nordhafen.example', userName: 'test01', secret: 'open', secretKeyId: keyIdOf(KEY), history: [] });
    expect(JSON.stringify(list(core, projectId))).not.toContain(SECRET);
    expect(list(core, projectId).key).toEqual({ state: 'ready', keyId: keyIdOf(KEY) });

    expect(core.call('credentials.reveal', { id: made.id })).toEqual({ secret: SECRET });
    core.call('credentials.copied', { id: made.id });
    core.call('credentials.update', { id: made.id, secret: 'Winter-2027!imap', userName: 'test02' });
    const [shown] = list(core, projectId).credentials;
    expect(shown!.history.map((e) => (e.kind === 'change' ? `${e.field} ${e.from} ${e.to}` : e.kind)).sort()).toEqual(['copied', 'revealed', 'secret null null', 'userName test01 test02']);
    expect(shown!.history.every((e) => e.by.deviceId === core.store.deviceId)).toBe(true);
    expect(JSON.stringify(shown)).not.toContain('Winter-2027');
    expect(core.call('credentials.reveal', { id: made.id })).toEqual({ secret: 'Winter-2027!imap' });
  });

  it('keeps only ciphertext in the database and its change log', () => {
    const core = openTestCore();
    const projectId = project(core);
    const made = core.call('credentials.create', { projectId, service: 'SMTP', secret: SECRET }) as Credential;
    core.call('credentials.update', { id: made.id, secret: `${SECRET}-2` });
    const logged = inspect(core).prepare("SELECT value FROM change_log WHERE entity = 'credential' AND field = 'secret' ORDER BY seq").pluck().all() as string[];
    expect(logged).toHaveLength(2);
    for (const value of logged) expect(JSON.parse(value)).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(JSON.stringify(dumpDatabase(core))).not.toContain(SECRET);
  });

  it('refuses a ciphertext moved onto another credential', () => {
    const core = openTestCore();
    const projectId = project(core);
    const a = core.call('credentials.create', { projectId, service: 'IMAP', secret: SECRET }) as Credential;
    const b = core.call('credentials.create', { projectId, service: 'SMTP', secret: 'other' }) as Credential;
    const stolen = inspect(core).prepare('SELECT secret FROM credential WHERE id = ?').pluck().get(a.id) as string;
    core.store.apply([{ entity: 'credential', id: b.id, field: 'secret', value: stolen }]);
    const error = refusal(core, 'credentials.reveal', { id: b.id });
    expect(error).toMatchObject({ code: 'credential_key', field: 'id' });
    expect(error.message).toContain('changed, or belongs to another credential');
    expect(error.message).not.toContain(SECRET);
  });

  it('with the key lost: lists, adds and everything else work; reveals say what is missing; a new key only when asked for', () => {
    const dir = tempDir();
    let core = openTestCore(dir, { credentialKey: keyFile(dir) });
    const projectId = project(core);
    const old = core.call('credentials.create', { projectId, service: 'IMAP', userName: 'test01', secret: SECRET }) as Credential;
    if (POSIX) expect(statSync(join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    const oldKeyId = old.secretKeyId!;
    core.close();
    rmSync(join(dir, KEY_FILE));
    core = openTestCore(dir, { credentialKey: keyFile(dir) });

    const lost = list(core, projectId);
    expect(lost).toMatchObject({ key: { state: 'none' }, otherKeyIds: [oldKeyId], credentials: [{ service: 'IMAP', userName: 'test01', secret: 'noKey', secretKeyId: oldKeyId }] });
    const reveal = refusal(core, 'credentials.reveal', { id: old.id });
    expect(reveal.code).toBe('credential_key');
    expect(reveal.message).toContain(`has no credentials key (the key file ${join(dir, KEY_FILE)} is missing): the secret was encrypted with the key ${oldKeyId}`);
    // Everything else goes on: an account without a secret, other parts of the project.
    core.call('credentials.create', { projectId, service: 'Provisioning', userName: 'oxadmin' });
    core.call('projects.get', { id: projectId });

    // A secret would need a new key while the old one's secrets are here: said, and nothing made.
    const noNewKey = refusal(core, 'credentials.create', { projectId, service: 'SMTP', secret: 'smtp' });
    expect(noNewKey).toMatchObject({ code: 'credential_key', field: 'startNewKey' });
    expect(noNewKey.message).toContain(`encrypted with the key ${oldKeyId}, which this installation does not have`);
    expect(existsSync(join(dir, KEY_FILE))).toBe(false);

    const fresh = core.call('credentials.create', { projectId, service: 'SMTP', secret: 'smtp', startNewKey: true }) as Credential;
    expect(existsSync(join(dir, KEY_FILE))).toBe(true);
    expect(fresh.secretKeyId).not.toBe(oldKeyId);
    expect(core.call('credentials.reveal', { id: fresh.id })).toEqual({ secret: 'smtp' });
    const other = refusal(core, 'credentials.reveal', { id: old.id });
    expect(other.message).toContain(`encrypted with another installation's key ${oldKeyId}; this installation's key is ${fresh.secretKeyId}`);
    expect(list(core, projectId).otherKeyIds).toEqual([oldKeyId]);
    core.close();
  });

  it('a key file others can read closes the secrets, with the reason on the list, and leaves the rest usable', () => {
    if (!POSIX) return;
    const dir = tempDir();
    const core = openTestCore(dir, { credentialKey: keyFile(dir) });
    const projectId = project(core);
    const made = core.call('credentials.create', { projectId, service: 'IMAP', secret: SECRET }) as Credential;
    chmodSync(join(dir, KEY_FILE), 0o644);
    const shown = list(core, projectId);
    expect(shown.key).toMatchObject({ state: 'unusable', problem: expect.stringContaining('can be read by other users') });
    expect(shown.credentials[0]!.secret).toBe('noKey');
    expect(refusal(core, 'credentials.reveal', { id: made.id }).message).toContain('chmod 600');
    expect(refusal(core, 'credentials.create', { projectId, service: 'SMTP', secret: 'x' }).message).toContain('can be read by other users');
    core.call('credentials.update', { id: made.id, notes: 'Zugang für den Lasttest' });
    core.close();
  });

  it('a fixed key handed over opens what the same key sealed elsewhere', () => {
    const a = openTestCore();
    const projectId = project(a);
    const made = a.call('credentials.create', { projectId, service: 'IMAP', secret: SECRET }) as Credential;
    const stored = inspect(a).prepare('SELECT secret FROM credential WHERE id = ?').pluck().get(made.id) as string;
    expect(decryptSecret(givenKey(KEY, 'the test key').load()!, made.id, stored)).toEqual({ ok: true, secret: SECRET });
    a.close();
  });
});

describe('the test accounts in a document', () => {
  const accounts = [{ service: 'IMAP', host: 'imap.nordhafen.example', userName: 'test01', secret: SECRET, notes: '' }];

  it('has no secret column unless included, and says where the secrets are', () => {
    const [table, line] = credentialBlocks(accounts, 'de', false);
    expect(table).toMatchObject({ type: 'table', columns: [{ title: 'Dienst' }, { title: 'Host' }, { title: 'Benutzername' }] });
    expect(JSON.stringify(table)).not.toContain(SECRET);
    expect(line).toEqual({ type: 'paragraph', runs: [{ text: expect.stringContaining('nicht enthalten') as string, italic: true }] });
    const included = credentialBlocks(accounts, 'en', true);
    expect(included).toHaveLength(1);
    expect(included[0]).toMatchObject({ columns: [{ title: 'Service' }, { title: 'Host' }, { title: 'User name' }, { title: 'Password or secret' }] });
    expect(JSON.stringify(included)).toContain(SECRET);
    expect(credentialBlocks([], 'en', true)).toEqual([{ type: 'paragraph', runs: [{ text: 'No test accounts are recorded.' }] }]);
  });
});
