// Snapshots and retention through a real shared directory (sync.md, requirement 8, scenarios 15
// and 16): a newcomer starts from a snapshot and reaches what replaying every file gives, conflicts
// and merged texts included; writers remove only their own files, only once everyone they wait for
// has them and a snapshot holds them; a device away for longer catches up from a snapshot.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Customer, ProjectDetail } from '../../shared/domain.ts';
import type { Requirement } from '../../shared/checklist/types.ts';
import type { SyncConflict, SyncResult } from '../../shared/sync.ts';
import { changeCount, device, deviceId, random, shareFiles, sharedState, START, sync, type Device } from '../support/sync-devices.ts';
import { inspect, removeTempDirs, tempDir } from '../support/temp-store.ts';

afterEach(removeTempDirs);

const DAY = 24 * 60 * 60 * 1000;

/**
 * Every change file the share ever held, kept aside (retention removes files from the share): a
 * share to replay them all from, snapshots left out.
 */
function archiving(share: string): { sync: typeof sync; archive: string } {
  const archive = tempDir('fieldbook-share-');
  return {
    archive,
    sync: async (d, to, options) => {
      const result = await sync(d, to, options);
      cpSync(share, archive, { recursive: true, force: false, filter: (path) => !path.includes('snapshots') });
      return result;
    },
  };
}

const notesOf = (d: Device, id: string) => (d.core.call('customers.get', { id }) as Customer).notes;

describe('a snapshot', () => {
  it.each([1, 2, 3, 4])(
    'and the changes after it give a newcomer the data and conflicts list of replaying every file, merged texts included (seed %i)',
    async (seed) => {
      const next = random(seed);
      const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
      const share = tempDir('fieldbook-share-');
      const { sync, archive } = archiving(share);
      const devices = [device(), device(), device()];
      devices.forEach((d, i) => d.core.call('profile.save', { name: `Consultant ${i}`, email: '', role: '' }));
      const made = devices[0]!.core.call('customers.create', { name: 'Hanse Hosting', notes: 'Wave one.\nWave two.\nWave three.\nWave four.' }) as Customer;
      for (const d of [...devices, ...devices]) await sync(d, share);

      // Edits of one long text and one name on three devices, in paragraphs that may or may not
      // overlap, with syncs in between; a snapshot from one of them half-way.
      const edit = async (step: number) => {
        const d = pick(devices);
        d.clock.ms += 1_000 + Math.floor(next() * 60_000);
        const roll = next();
        if (roll < 0.55) {
          const lines = (notesOf(d, made.id) ?? '').split('\n');
          lines[Math.floor(next() * lines.length)] = `Step ${step} by ${devices.indexOf(d)}.`;
          d.core.call('customers.update', { id: made.id, notes: lines.join('\n') });
        } else if (roll < 0.7) {
          d.core.call('customers.update', { id: made.id, name: `Hanse Hosting ${step}` });
        } else if (roll < 0.8) {
          const open = d.core.call('conflicts.list', {}) as SyncConflict[];
          if (open.length > 0) d.core.call('conflicts.resolve', { stamp: pick(open).other.stamp, keep: pick(['current', 'other'] as const) });
        } else {
          await sync(d, share);
        }
      };
      for (let step = 0; step < 40; step++) await edit(step);
      const writer = pick(devices);
      expect((await sync(writer, share, { snapshot: true })).snapshots.published).not.toBeNull();
      for (let step = 40; step < 80; step++) await edit(step);
      for (const d of [...devices, ...devices]) await sync(d, share);

      const newcomer = device(START + 400 * DAY);
      const joined = await sync(newcomer, share);
      expect(joined.snapshots.taken).not.toBeNull();
      const replaying = device(START + 400 * DAY);
      expect((await sync(replaying, archive)).snapshots.taken).toBeNull();

      const writers = devices.map(deviceId);
      const expected = sharedState(devices[0]!.core, { devices: writers });
      for (const d of [...devices.slice(1), newcomer, replaying]) expect(sharedState(d.core, { devices: writers })).toEqual(expected);
      expect(changeCount(newcomer.core)).toBeLessThan(changeCount(replaying.core));
    },
  );

  it('keeps the text a merge of a long text starts from: for edits made apart before it, and after it', async () => {
    const share = tempDir('fieldbook-share-');
    const { sync, archive } = archiving(share);
    const [a, b, c] = [device(), device(), device()];
    /** A change, sent with what the device has applied so far: the others learn it has those. */
    let saves = 0;
    const acknowledge = async (d: Device) => {
      d.core.call('profile.save', { name: `Save ${saves++}`, email: '', role: '' });
      await sync(d, share);
    };
    const text = 'Wave one: IT.\nWave two: sales.\nWave three: plant.\nWave four: everyone.';
    const x = a.core.call('customers.create', { name: 'Nordlicht Energie', notes: text }) as Customer;
    const y = a.core.call('customers.create', { name: 'Hanse Hosting', notes: 'Waves to follow.' }) as Customer;
    a.core.call('customers.update', { id: y.id, notes: text });
    await sync(a, share);
    for (const d of [b, c, a]) await acknowledge(d);
    const at = (d: Device, minute: number) => (d.clock.ms = START + minute * 60_000);

    // Y: C changes wave four without A's next edit; A changes wave one. A's change wins, C's is
    // merged in from the text both had: A's first.
    at(c, 10);
    c.core.call('customers.update', { id: y.id, notes: text.replace('everyone', 'everyone else') });
    at(a, 20);
    a.core.call('customers.update', { id: y.id, notes: text.replace('IT.', 'IT and the help desk.') });
    // X: A changes wave one twice; B has the first of them only when it changes wave three.
    a.core.call('customers.update', { id: x.id, notes: text.replace('IT.', 'IT, first.') });
    await sync(a, share);
    // B and C have both by the second round (a device sends before it receives): the snapshot
    // needs no older text of A's for what they do next, only for C's change already made.
    for (const d of [b, c, b, c]) await acknowledge(d);
    at(a, 30);
    a.core.call('customers.update', { id: x.id, notes: text.replace('IT.', 'IT, first of all.') });
    await sync(a, share, { snapshot: true });
    at(b, 40);
    b.core.call('customers.update', { id: x.id, notes: text.replace('IT.', 'IT, first.').replace('plant.', 'plant and depot.') });
    for (const d of [b, a, b, c]) await sync(d, share);

    const newcomer = device(START + DAY);
    expect((await sync(newcomer, share)).snapshots.taken).not.toBeNull();
    const replaying = device(START + DAY);
    await sync(replaying, archive);
    for (const d of [a, b, c, newcomer, replaying]) {
      expect([notesOf(d, x.id), notesOf(d, y.id)]).toEqual([
        'Wave one: IT, first of all.\nWave two: sales.\nWave three: plant and depot.\nWave four: everyone.',
        'Wave one: IT and the help desk.\nWave two: sales.\nWave three: plant.\nWave four: everyone else.',
      ]);
      expect(d.core.call('conflicts.list', {})).toEqual([]);
    }
    const writers = [a, b, c].map(deviceId);
    expect(sharedState(newcomer.core, { devices: writers })).toEqual(sharedState(replaying.core, { devices: writers }));
  });

  it('lets a new device join from it, reading only the change files written after it', async () => {
    const share = tempDir('fieldbook-share-');
    const a = device();
    // A colleague who synced once, before A's files: they stay until it has them.
    await sync(device(), share);
    for (let i = 0; i < 3; i++) {
      a.clock.ms += 60_000;
      const made = a.core.call('customers.create', { name: `Kunde ${i}` }) as Customer;
      for (let n = 0; n < 5; n++) a.core.call('customers.update', { id: made.id, name: `Kunde ${i}, Fassung ${n}` });
      await sync(a, share);
    }
    const published = (await sync(a, share, { snapshot: true })).snapshots.published!;
    expect(published.path).toBe(join(share, 'fieldbook', 'devices', deviceId(a), 'snapshots', shareFiles(share, deviceId(a), 'snapshots')[0]!));
    expect(published.files).toBe(4); // the colleague's too
    for (let i = 0; i < 2; i++) {
      a.clock.ms += 60_000;
      a.core.call('customers.create', { name: `Später ${i}` });
      await sync(a, share);
    }
    expect(shareFiles(share, deviceId(a), 'changes')).toHaveLength(5);

    const b = device();
    const joined = await sync(b, share);
    expect(joined.snapshots.taken).toEqual(published);
    expect(joined.received.files).toBe(2);
    expect(joined.skipped).toEqual([]);
    expect((b.core.call('customers.list', {}) as Customer[]).map((c) => [c.name, c.notes]).sort()).toEqual(
      (a.core.call('customers.list', {}) as Customer[]).map((c) => [c.name, c.notes]).sort(),
    );
    // Of the names typed five times over, the snapshot brought the value, not the drafts.
    expect(changeCount(b.core)).toBeLessThan(changeCount(a.core));
    // Nothing new next time, and the snapshot is not taken again.
    const quiet = await sync(b, share);
    expect([quiet.snapshots.taken, quiet.received.files]).toEqual([null, 0]);
  });

  it('is published on demand from the command line (fieldbook sync --share P --snapshot)', () => {
    const share = tempDir('fieldbook-share-');
    const a = device();
    a.core.call('customers.create', { name: 'Nordlicht Energie' });
    const id = deviceId(a);
    a.core.close();
    const cli = (...args: string[]) => {
      const run = spawnSync(process.execPath, ['electron/cli/fieldbook.ts', '--data-dir', a.dataDir, 'sync', '--share', share, ...args], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      return JSON.parse(run.stdout) as SyncResult;
    };
    expect(cli().snapshots.published).toBeNull();
    const published = cli('--snapshot').snapshots.published!;
    expect(published).toMatchObject({ files: 1 });
    expect(shareFiles(share, id, 'snapshots')).toEqual([basename(published.path)]);
  });

  it('is skipped while cut short, an older one taken instead, with nothing of it applied', async () => {
    const share = tempDir('fieldbook-share-');
    const a = device();
    const b = device();
    a.core.call('customers.create', { name: 'Nordlicht Energie' });
    for (const d of [a, b, a]) await sync(d, share);
    const older = (await sync(a, share, { snapshot: true })).snapshots.published!;
    b.clock.ms += 60_000;
    b.core.call('customers.create', { name: 'Hafenkante AG' });
    await sync(b, share);
    const newer = (await sync(b, share, { snapshot: true })).snapshots.published!;
    const whole = readFileSync(newer.path);
    writeFileSync(newer.path, whole.subarray(0, Math.floor(whole.length * 0.7)));

    const c = device();
    const joined = await sync(c, share);
    expect(joined.skipped).toEqual([expect.objectContaining({ path: newer.path, reason: 'incomplete' })]);
    expect(joined.snapshots.taken?.path).toBe(older.path);
    expect(joined.received.files).toBeGreaterThan(0);
    const writers = [deviceId(a), deviceId(b)];
    await sync(a, share);
    expect(sharedState(c.core, { devices: writers })).toEqual(sharedState(a.core, { devices: writers }));
  });
});

describe('retention', () => {
  it('removes only the writer\'s own files that every device has and a snapshot holds', async () => {
    const share = tempDir('fieldbook-share-');
    const a = device();
    const b = device();
    const [idA, idB] = [deviceId(a), deviceId(b)];
    const made = a.core.call('customers.create', { name: 'Hanse Hosting' }) as Customer;
    await sync(a, share); // A's file 1
    await sync(b, share); // B's file 1, made before it had A's
    const [first] = shareFiles(share, idA, 'changes');
    // A sync client's copy of A's first file goes with it.
    const folderA = join(share, 'fieldbook', 'devices', idA, 'changes');
    cpSync(join(folderA, first!), join(folderA, first!.replace('.jsonl', ' (conflicted copy 2026-11-30).jsonl')));
    a.clock.ms += 60_000;
    a.core.call('customers.update', { id: made.id, notes: 'Zweite Fassung' });
    await sync(a, share); // A's file 2; B has acknowledged nothing of A yet
    expect(shareFiles(share, idA, 'changes')).toHaveLength(3);

    b.clock.ms += 120_000;
    b.core.call('customers.update', { id: made.id, name: 'Hanse Hosting AG' });
    await sync(b, share); // B's file 2: it had A's file 1 (not 2: that came in after sending)
    const snapshot = await sync(a, share, { snapshot: true });
    expect(snapshot.snapshots.published).not.toBeNull();
    // A's file 1 and its copy went; file 2 waits for B; B's files are B's.
    expect(snapshot.removed).toEqual({ changeFiles: 2, snapshots: 0 });
    expect(shareFiles(share, idA, 'changes')).toHaveLength(1);
    expect(shareFiles(share, idB, 'changes')).toHaveLength(2);

    // A's file 3 after the snapshot: acknowledged, but no snapshot holds it yet.
    a.clock.ms += 60_000;
    a.core.call('customers.update', { id: made.id, notes: 'Dritte Fassung' });
    await sync(a, share);
    b.clock.ms += 60_000;
    b.core.call('customers.update', { id: made.id, address: 'Hafenstraße 1' });
    await sync(b, share); // acknowledges A's files 2 and 3
    const later = await sync(a, share);
    expect(later.removed.changeFiles).toBe(1); // file 2, in the snapshot
    expect(shareFiles(share, idA, 'changes')).toHaveLength(1);
    // Nothing inferred from the files gone: what A and B have applied stays recorded.
    expect(inspect(a.core).prepare('SELECT count(*) AS n FROM sync_file WHERE device = ?').get(idA)).toEqual({ n: 3 });

    // Everything on the share still reaches a newcomer.
    const c = device();
    const joined = await sync(c, share);
    expect(joined.snapshots.taken).not.toBeNull();
    await sync(b, share);
    for (const d of [a, b, c]) await sync(d, share);
    const writers = [idA, idB];
    expect(sharedState(c.core, { devices: writers })).toEqual(sharedState(a.core, { devices: writers }));
    expect(sharedState(b.core, { devices: writers })).toEqual(sharedState(a.core, { devices: writers }));
  });

  it('keeps a file a device lacks even when it has a later one of the same writer', async () => {
    const share = tempDir('fieldbook-share-');
    const a = device();
    const b = device();
    const idA = deviceId(a);
    await sync(b, share);
    const made = a.core.call('customers.create', { name: 'Hanse Hosting' }) as Customer;
    await sync(a, share);
    a.clock.ms += 60_000;
    a.core.call('customers.update', { id: made.id, notes: 'Zweite Fassung' });
    await sync(a, share);
    // B's sync client brings A's second file before its first.
    const [first] = shareFiles(share, idA, 'changes');
    const folder = join(share, 'fieldbook', 'devices', idA, 'changes');
    const aside = join(tempDir(), first!);
    cpSync(join(folder, first!), aside);
    rmSync(join(folder, first!));
    b.core.call('profile.save', { name: 'Jonas Weber', email: '', role: '' });
    await sync(b, share);
    b.core.call('profile.save', { name: 'Jonas Weber', email: 'jw@example.com', role: '' });
    await sync(b, share); // says what it has of A: not the first file, so nothing
    cpSync(aside, join(folder, first!));
    expect((await sync(a, share, { snapshot: true })).removed.changeFiles).toBe(0);
    expect(shareFiles(share, idA, 'changes')).toContain(first);

    await sync(b, share); // the first file now
    b.core.call('profile.save', { name: 'Jonas Weber', email: 'jonas.weber@example.com', role: '' });
    await sync(b, share); // and says so
    expect((await sync(a, share)).removed.changeFiles).toBe(2);
    expect((b.core.call('customers.get', { id: made.id }) as Customer).name).toBe('Hanse Hosting');
  });

  it('waits for a device until it is away longer than the retention time; back, it catches up from a snapshot, and rows removed meanwhile stay removed', async () => {
    const share = tempDir('fieldbook-share-');
    const [a, b, c] = [device(), device(), device()];
    const [idA, idB, idC] = [a, b, c].map(deviceId) as [string, string, string];
    const customer = a.core.call('customers.create', { name: 'Stadtwerke Nordhafen' }) as Customer;
    const { project } = a.core.call('projects.create', { customerId: customer.id, name: 'Mail migration' }) as ProjectDetail;
    const doomed = a.core.call('requirements.create', { projectId: project.id, title: 'Migrate the archive' }) as Requirement;
    const kept = a.core.call('requirements.create', { projectId: project.id, title: 'Switch the MX records' }) as Requirement;
    for (const d of [a, b, c, a, b, c]) await sync(d, share);
    const firstOfA = shareFiles(share, idA, 'changes')[0];

    // C works offline from here on, and is not heard from again for 200 days.
    c.clock.ms += 24 * 60 * 60 * 1000;
    c.core.call('requirements.update', { id: doomed.id, title: 'Migrate the archive first' });
    c.core.call('requirements.update', { id: kept.id, description: 'After the cut-over weekend' });
    // A and B work on and sync every ten days; A removes an item on day 120.
    let published = 0;
    for (let day = 10; day <= 200; day += 10) {
      for (const [i, d] of [a, b].entries()) {
        d.clock.ms = START + day * DAY + i * 60_000;
        d.core.call('customers.update', { id: customer.id, ...(i === 0 ? { notes: `Day ${day}` } : { address: `Hafenstraße ${day}` }) });
        if (day === 120 && i === 0) a.core.call('requirements.remove', { id: doomed.id });
        if ((await sync(d, share)).snapshots.published) published++;
      }
      // C was heard from on day 0: waited for until day 180.
      if (day === 170) expect(shareFiles(share, idA, 'changes')).toContain(firstOfA);
    }
    // Due on their own, a month apart; and A's older files gone once C was no longer waited for.
    expect(published).toBeGreaterThanOrEqual(5);
    expect(shareFiles(share, idA, 'changes')).not.toContain(firstOfA);

    c.clock.ms = START + 201 * DAY;
    const back = await sync(c, share);
    expect(back.snapshots.taken).not.toBeNull();
    for (const d of [a, b, c, a, b]) await sync(d, share);
    for (const d of [a, b, c]) {
      const items = d.core.call('requirements.list', { projectId: project.id }) as Requirement[];
      expect(items.map((r) => [r.id, r.description])).toEqual([[kept.id, 'After the cut-over weekend']]);
    }
    const writers = [idA, idB, idC];
    expect(sharedState(c.core, { devices: writers })).toEqual(sharedState(a.core, { devices: writers }));
    expect(sharedState(b.core, { devices: writers })).toEqual(sharedState(a.core, { devices: writers }));
  });
});

// The share's layout is the product's: a damaged snapshot folder entry is never fatal.
describe('a snapshots folder', () => {
  it('that is a file, not a folder, is reported and the sync goes on', async () => {
    const share = tempDir('fieldbook-share-');
    const a = device();
    a.core.call('customers.create', { name: 'Nordlicht Energie' });
    await sync(a, share);
    const b = device();
    await sync(b, share);
    const folder = join(share, 'fieldbook', 'devices', deviceId(b), 'snapshots');
    rmSync(folder, { recursive: true, force: true });
    writeFileSync(folder, '');
    const result = await sync(a, share);
    expect(result.skipped).toEqual([expect.objectContaining({ path: folder, reason: 'unreadable' })]);
  });
});
