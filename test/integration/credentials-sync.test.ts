// A credential syncs as its ciphertext: the change log of each device and the change files in the
// shared folder carry the encrypted value, never the clear text. A colleague with the same key
// (the test devices share the test key) reveals it; one with another key sees which key it needs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { givenKey } from '../../electron/core/secrets/credential-key.ts';
import { keyIdOf } from '../../electron/core/secrets/cipher.ts';
import type { Credential, CredentialList } from '../../shared/credentials/types.ts';
import type { Customer, ProjectDetail } from '../../shared/domain.ts';
import { ApiError } from '../../shared/errors.ts';
import type { SyncConflict } from '../../shared/sync.ts';
import { device, sync, syncUntilQuiet, type Device } from '../support/sync-devices.ts';
import { TEST_KEY_BYTES, inspect, openTestCore, removeTempDirs, tempDir } from '../support/temp-store.ts';

afterEach(removeTempDirs);

const SECRET = 'oxadmin-Pa55-Nordhafen';

function changeFiles(share: string): string[] {
  const root = join(share, 'fieldbook', 'devices');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => readFileSync(join(root, f), 'utf8'));
}

describe('credentials through sync', () => {
  it('travel as ciphertext and open on a device with the same key', async () => {
    const share = tempDir('fieldbook-share-');
    const [a, b] = [device(), device()] as [Device, Device];
    const customer = a.core.call('customers.create', { name: 'Stadtwerke Nordhafen' }) as Customer;
    const projectId = (a.core.call('projects.create', { customerId: customer.id, name: 'Webmail 2027' }) as ProjectDetail).project.id;
    const made = a.core.call('credentials.create', { projectId, service: 'Provisioning', userName: 'oxadmin', secret: SECRET }) as Credential;
    a.core.call('credentials.update', { id: made.id, secret: `${SECRET}-2` });
    await syncUntilQuiet([a, b], share);

    const files = changeFiles(share);
    expect(files.some((text) => text.includes('"credential"'))).toBe(true);
    for (const text of files) expect(text).not.toContain(SECRET);
    for (const d of [a, b]) {
      const values = inspect(d.core).prepare("SELECT value FROM change_log WHERE entity = 'credential' AND field = 'secret'").pluck().all() as string[];
      expect(values).toHaveLength(2);
      for (const value of values) expect(value).toMatch(/^"v1\./);
      expect(values.join()).not.toContain(SECRET);
    }

    expect(b.core.call('credentials.reveal', { id: made.id })).toEqual({ secret: `${SECRET}-2` });
    await sync(b, share);
    await sync(a, share);
    // B's reveal is in the item's history on A, with B's device.
    const history = (a.core.call('credentials.list', { projectId }) as CredentialList).credentials[0]!.history;
    expect(history.filter((e) => e.kind === 'revealed').map((e) => e.by.deviceId)).toEqual([b.core.store.deviceId]);
  });

  it('changed by two people apart: the conflict masks both secrets, and keeping the other opens it', async () => {
    const share = tempDir('fieldbook-share-');
    const [a, b] = [device(), device()] as [Device, Device];
    const customer = a.core.call('customers.create', { name: 'Stadtwerke Nordhafen' }) as Customer;
    const projectId = (a.core.call('projects.create', { customerId: customer.id, name: 'Webmail 2027' }) as ProjectDetail).project.id;
    const made = a.core.call('credentials.create', { projectId, service: 'IMAP', secret: SECRET }) as Credential;
    await syncUntilQuiet([a, b], share);
    a.core.call('credentials.update', { id: made.id, secret: 'from-A' });
    b.clock.ms += 1_000;
    b.core.call('credentials.update', { id: made.id, secret: 'from-B' });
    await syncUntilQuiet([a, b], share);

    const conflicts = a.core.call('conflicts.list', {}) as SyncConflict[];
    const secret = conflicts.find((c) => c.entity === 'credential' && c.field === 'secret')!;
    expect(secret).toMatchObject({ current: { value: '••••••' }, other: { value: '••••••' } });
    expect(JSON.stringify(conflicts)).not.toMatch(/v1\./);
    a.core.call('conflicts.resolve', { stamp: secret.other.stamp, keep: 'other' });
    expect(a.core.call('credentials.reveal', { id: made.id })).toEqual({ secret: 'from-A' });
  });

  it("on a colleague's installation with another key: listed, masked, and the reveal names the key it needs", async () => {
    const share = tempDir('fieldbook-share-');
    const a = device();
    const customer = a.core.call('customers.create', { name: 'Stadtwerke Nordhafen' }) as Customer;
    const projectId = (a.core.call('projects.create', { customerId: customer.id, name: 'Webmail 2027' }) as ProjectDetail).project.id;
    const made = a.core.call('credentials.create', { projectId, service: 'IMAP', secret: SECRET }) as Credential;
    await sync(a, share);

    const otherKey = Buffer.alloc(32, 9);
    const colleague = openTestCore(tempDir(), { credentialKey: givenKey(otherKey, 'the system store') });
    await colleague.call('sync.run', { share });
    const listed = colleague.call('credentials.list', { projectId }) as CredentialList;
    expect(listed).toMatchObject({ key: { state: 'ready', keyId: keyIdOf(otherKey) }, otherKeyIds: [keyIdOf(TEST_KEY_BYTES)], credentials: [{ service: 'IMAP', secret: 'otherKey' }] });
    let refused: unknown;
    try {
      colleague.call('credentials.reveal', { id: made.id });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).message).toContain(`encrypted with another installation's key ${keyIdOf(TEST_KEY_BYTES)}`);
    colleague.close();
  });
});
