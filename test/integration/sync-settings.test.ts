// The shared folder as a setting of this device, and where the device stands with it: what waits
// to be sent, the last sync, whether the folder is there, the open conflicts. Real temporary folders.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.ts';
import type { Customer } from '../../shared/domain.ts';
import { ApiError } from '../../shared/errors.ts';
import type { SyncResult, SyncStatus } from '../../shared/sync.ts';
import { dumpDatabase, openTestCore, removeTempDirs, tempDir } from '../support/temp-store.ts';

afterEach(removeTempDirs);

const status = (core: Core) => core.call('sync.status', {}) as SyncStatus;
const configure = (core: Core, sharePath: string) => core.call('sync.configure', { sharePath }) as SyncStatus;
const sync = async (core: Core, share: string) => (await core.call('sync.run', { share })) as SyncResult;

function refusal(work: () => unknown): ApiError {
  try {
    work();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('sync.status and sync.configure', () => {
  it('says nothing is set up on a new installation', () => {
    const core = openTestCore();
    expect(status(core)).toEqual({ sharePath: '', lastSync: null, waiting: expect.any(Number) as number, reachable: null, conflicts: 0 });
  });

  it('keeps the folder on this device, counts what waits to be sent and what the last sync did', async () => {
    const share = tempDir('fieldbook-share-');
    const core = openTestCore();
    const set = configure(core, share);
    expect(set.sharePath).toBe(share);
    expect(set.reachable).toBe(true);
    expect(set.lastSync).toBeNull();

    const before = status(core).waiting;
    core.call('customers.create', { name: 'Stadtwerke Nordhafen' }) as Customer;
    const waiting = status(core).waiting;
    expect(waiting).toBeGreaterThan(before);

    const result = await sync(core, share);
    const after = status(core);
    expect(after.waiting).toBe(0);
    expect(after.lastSync).toEqual(result);
    expect(after.lastSync?.sent.changes).toBe(waiting);

    core.call('customers.create', { name: 'Kreiswerke Süderland' });
    expect(status(core).waiting).toBeGreaterThan(0);
  });

  it('accepts a folder not there now and says it cannot be reached; a file is no folder either', () => {
    const parent = tempDir('fieldbook-share-');
    const core = openTestCore();
    const missing = join(parent, 'not-mounted');
    expect(configure(core, missing)).toMatchObject({ sharePath: missing, reachable: false });

    const file = join(parent, 'a-file');
    writeFileSync(file, 'x');
    expect(configure(core, file).reachable).toBe(false);

    rmSync(file);
    expect(configure(core, parent).reachable).toBe(true);
  });

  it('stops syncing with an empty path', () => {
    const core = openTestCore();
    configure(core, tempDir('fieldbook-share-'));
    expect(configure(core, '')).toMatchObject({ sharePath: '', reachable: null });
  });

  it('refuses a relative path, naming the field, and writes nothing', () => {
    const core = openTestCore();
    configure(core, tempDir('fieldbook-share-'));
    const before = dumpDatabase(core);
    for (const sharePath of ['shares/fieldbook', 'C:', 'a\0b']) {
      const error = refusal(() => core.call('sync.configure', { sharePath }));
      expect(error.code).toBe('invalid_input');
      expect(error.field).toBe('sharePath');
    }
    expect(dumpDatabase(core)).toEqual(before);
  });

  it('counts the open conflicts', async () => {
    const share = tempDir('fieldbook-share-');
    const a = openTestCore();
    const b = openTestCore();
    const made = a.call('customers.create', { name: 'Stadtwerke Nordhafen' }) as Customer;
    await sync(a, share);
    await sync(b, share);
    a.call('customers.update', { id: made.id, notes: 'From A' });
    b.call('customers.update', { id: made.id, notes: 'From B' });
    await sync(a, share);
    await sync(b, share);
    await sync(a, share);
    expect(status(a).conflicts).toBe(1);
    expect(status(b).conflicts).toBe(1);
  });
});
