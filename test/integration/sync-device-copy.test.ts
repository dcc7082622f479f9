// A copied laptop image and a database restored from a backup (sync.md, scenarios 9 and 10), with
// real data folders (the SQLite file copied as a person or a backup tool would) and a real shared
// directory: the installation that finds another's files under its own id takes a new one, changes
// nothing in the share, and everyone ends with every change either side made.
import { copyFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/db/open.ts';
import type { Customer, Profile } from '../../shared/domain.ts';
import type { SyncStatus } from '../../shared/sync.ts';
import { device, deviceId, reopen, shareFiles, sharedState, sync, type Device } from '../support/sync-devices.ts';
import { removeTempDirs, tempDir } from '../support/temp-store.ts';

afterEach(removeTempDirs);

/** The database file of a data folder, copied whole (its core closed first, so nothing waits in the WAL). */
function copyDatabase(d: Device, to: string): void {
  d.core.close();
  copyFileSync(join(d.dataDir, DATABASE_FILE), join(to, DATABASE_FILE));
}

/**
 * Every change file in the share: no device id has two different files of one number, and no stamp
 * names two different changes (scenario 10: numbers are never given twice under one id).
 */
function expectNothingGivenTwice(share: string): void {
  const files = new Map<string, string>();
  const changes = new Map<string, string>();
  for (const device of readdirSync(join(share, 'fieldbook', 'devices'))) {
    for (const name of shareFiles(share, device, 'changes')) {
      const [header, ...lines] = readFileSync(join(share, 'fieldbook', 'devices', device, 'changes', name), 'utf8').trimEnd().split('\n');
      const { number } = JSON.parse(header!) as { number: number };
      const hash = name.split('-')[3]!.slice(0, 16);
      expect(files.get(`${device} ${number}`) ?? hash, `file ${number} of ${device}`).toBe(hash);
      files.set(`${device} ${number}`, hash);
      for (const line of lines.slice(0, -1)) {
        const stamp = (JSON.parse(line) as string[])[0]!;
        expect(changes.get(stamp) ?? line, `change ${stamp}`).toBe(line);
        changes.set(stamp, line);
      }
    }
  }
}

describe('a copied laptop image', () => {
  it.each(['the copy', 'the original'] as const)('is found when %s syncs second, which takes a new id; both keep what they did since', async (second) => {
    const share = tempDir('fieldbook-share-');
    let original = device();
    const colleague = device();
    original.core.call('profile.save', { name: 'Anna Berger', email: 'anna.berger@example.com', role: 'Consultant' });
    original.core.call('sync.configure', { sharePath: share });
    const made = original.core.call('customers.create', { name: 'Hanse Hosting' }) as Customer;
    for (const d of [original, colleague, original]) await sync(d, share);
    const id = deviceId(original);

    const copyDir = tempDir();
    copyDatabase(original, copyDir);
    original = reopen(original);
    const copy = device(original.clock.ms, copyDir);
    for (const d of [original, copy]) d.clock.ms += 60_000;
    original.core.call('customers.update', { id: made.id, name: 'Hanse Hosting GmbH' });
    copy.core.call('customers.update', { id: made.id, notes: 'Cut-over on Saturday' });
    const fromCopy = copy.core.call('customers.create', { name: 'Nordlicht Energie' }) as Customer;
    const shareBefore = new Map(readdirSync(join(share, 'fieldbook', 'devices')).map((d) => [d, shareFiles(share, d, 'changes')]));

    const [first, last] = second === 'the copy' ? [original, copy] : [copy, original];
    expect((await sync(first, share)).newDeviceId).toBeNull();
    const found = await sync(last, share);
    expect(found.newDeviceId).toEqual({ previous: id, current: deviceId(last), foundFiles: 1 });
    expect(deviceId(last)).not.toBe(id);
    // Nothing in the share changed: what was there stays, and the new id writes a folder of its own.
    for (const [folder, files] of shareBefore) expect(shareFiles(share, folder, 'changes')).toEqual(expect.arrayContaining(files));
    expect(shareFiles(share, deviceId(last), 'changes')).toHaveLength(1);
    // The new id is this installation's: the profile and the shared folder came with it.
    expect(last.core.call('profile.get', {})).toEqual<Profile>({ name: 'Anna Berger', email: 'anna.berger@example.com', role: 'Consultant' });
    expect((last.core.call('sync.status', {}) as SyncStatus).sharePath).toBe(share);

    for (const d of [first, last, colleague, first, last]) await sync(d, share);
    for (const d of [original, copy, colleague]) {
      expect(d.core.call('customers.get', { id: made.id })).toMatchObject({ name: 'Hanse Hosting GmbH', notes: 'Cut-over on Saturday' });
      expect(d.core.call('customers.get', { id: fromCopy.id })).toMatchObject({ name: 'Nordlicht Energie' });
    }
    const expected = sharedState(colleague.core, { changes: true });
    for (const d of [original, copy]) expect(sharedState(d.core, { changes: true })).toEqual(expected);
    expectNothingGivenTwice(share);
    // Each goes on under its own id from now on.
    expect((await sync(last, share)).newDeviceId).toBeNull();
    expect((await sync(first, share)).newDeviceId).toBeNull();
  });
});

describe('a database restored from an older backup', () => {
  it('takes a new id: what the lost days sent comes back from the share, and what it does now goes out under the new id', async () => {
    const share = tempDir('fieldbook-share-');
    let laptop = device();
    const colleague = device();
    const made = laptop.core.call('customers.create', { name: 'Stadtwerke Nordhafen' }) as Customer;
    for (const d of [laptop, colleague, laptop]) await sync(d, share);
    const id = deviceId(laptop);

    const backupDir = tempDir();
    copyDatabase(laptop, backupDir);
    laptop = reopen(laptop);
    // Days of work, synced, then lost when the backup is put back.
    laptop.clock.ms += 60_000;
    laptop.core.call('customers.update', { id: made.id, notes: 'Kick-off on Monday' });
    const lost = laptop.core.call('customers.create', { name: 'Hafenkante AG' }) as Customer;
    await sync(laptop, share);
    laptop.clock.ms += 60_000;
    laptop.core.call('customers.update', { id: lost.id, address: 'Am Kai 1' });
    await sync(laptop, share);
    await sync(colleague, share);

    laptop.core.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(laptop.dataDir, DATABASE_FILE + suffix), { force: true });
    copyFileSync(join(backupDir, DATABASE_FILE), join(laptop.dataDir, DATABASE_FILE));
    laptop = reopen(laptop);
    expect(laptop.core.call('customers.list', {})).toHaveLength(1);
    laptop.clock.ms += 60_000;
    laptop.core.call('customers.update', { id: made.id, name: 'Stadtwerke Nordhafen GmbH' });

    const restored = await sync(laptop, share);
    expect(restored.newDeviceId).toEqual({ previous: id, current: deviceId(laptop), foundFiles: 2 });
    // The rename made since the restore, and the new id's row, go out under the new id.
    expect(restored.sent.files).toBe(1);
    expect(shareFiles(share, id, 'changes')).toHaveLength(3);
    for (const d of [colleague, laptop]) await sync(d, share);
    for (const d of [laptop, colleague]) {
      expect(d.core.call('customers.get', { id: made.id })).toMatchObject({ name: 'Stadtwerke Nordhafen GmbH', notes: 'Kick-off on Monday' });
      expect(d.core.call('customers.get', { id: lost.id })).toMatchObject({ name: 'Hafenkante AG', address: 'Am Kai 1' });
    }
    expect(sharedState(laptop.core, { changes: true })).toEqual(sharedState(colleague.core, { changes: true }));
    expectNothingGivenTwice(share);
  });
});
