// Per-project numbers after a sync, with real data folders and a real shared directory: devices
// apart give the same R-numbers; once synced, every device shows the same unique numbering, the
// item made later has the next free number and keeps its old one as "was R-001" (found by search,
// the number filter and the CSV import), its history says why, and nobody is asked to settle it.
import { afterEach, describe, expect, it } from 'vitest';
import { itemText } from '../../shared/checklist/show.ts';
import type { ImportPreview, ImportResult, Requirement, RequirementDetail } from '../../shared/checklist/types.ts';
import { queryItems, type ChecklistQuery } from '../../shared/checklist/view.ts';
import type { Customer, ProjectDetail } from '../../shared/domain.ts';
import type { SyncConflict } from '../../shared/sync.ts';
import { START, device, random, sync, syncUntilQuiet, type Device } from '../support/sync-devices.ts';
import { inspect, removeTempDirs, tempDir } from '../support/temp-store.ts';

afterEach(removeTempDirs);

/** A customer and a project made on the first device and brought to every other. */
async function sharedProject(devices: readonly Device[], share: string, name = 'Webmail 2027'): Promise<string> {
  const customer = devices[0]!.core.call('customers.create', { name: `${name} customer` }) as Customer;
  const projectId = (devices[0]!.core.call('projects.create', { customerId: customer.id, name }) as ProjectDetail).project.id;
  await syncUntilQuiet(devices, share);
  return projectId;
}

/** Makes an item a little later on the device's clock. */
function create(d: Device, projectId: string, title: string): Requirement {
  d.clock.ms += 1_000;
  return d.core.call('requirements.create', { projectId, title }) as Requirement;
}

const list = (d: Device, projectId: string) => d.core.call('requirements.list', { projectId }) as Requirement[];

/** Each item's title with its number and former numbers, by title. */
const numbering = (d: Device, projectId: string) =>
  Object.fromEntries(
    list(d, projectId)
      .map((r) => [r.title, { number: r.number, formerNumbers: r.formerNumbers }] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );

/** Every item of every project as stored, removed ones included: equal on devices that agree. */
const requirementRows = (d: Device) => inspect(d.core).prepare('SELECT * FROM requirement ORDER BY id').all();

const history = (d: Device, id: string) => (d.core.call('requirements.get', { id }) as RequirementDetail).history;

describe('numbers two devices gave while apart', () => {
  it('end the same and unique on both, the later items renumbered with their old numbers kept, in either order of syncing', async () => {
    for (const order of [['a', 'b'], ['b', 'a']] as const) {
      const share = tempDir('fieldbook-share-');
      const devices = { a: device(), b: device() };
      const projectId = await sharedProject([devices.a, devices.b], share);
      // Both offline: A makes its items first, B a minute later.
      devices.a.clock.ms = START + 60_000;
      for (const title of ['A1', 'A2', 'A3']) create(devices.a, projectId, title);
      devices.b.clock.ms = START + 120_000;
      for (const title of ['B1', 'B2', 'B3']) create(devices.b, projectId, title);
      expect(list(devices.b, projectId).map((r) => r.number)).toEqual([1, 2, 3]);

      await syncUntilQuiet(order.map((name) => devices[name]), share);

      const expected = {
        A1: { number: 1, formerNumbers: [] },
        A2: { number: 2, formerNumbers: [] },
        A3: { number: 3, formerNumbers: [] },
        B1: { number: 4, formerNumbers: [1] },
        B2: { number: 5, formerNumbers: [2] },
        B3: { number: 6, formerNumbers: [3] },
      };
      for (const d of Object.values(devices)) {
        expect(numbering(d, projectId)).toEqual(expected);
        // Both renumbered alike (equal values): nothing for anyone to choose between.
        expect(d.core.call('conflicts.list', {})).toEqual([]);
        // The history says it once, with the reason, though both devices made the change.
        const b1 = list(d, projectId).find((r) => r.title === 'B1')!;
        const numberChanges = history(d, b1.id).filter((h) => h.field === 'number');
        expect(numberChanges).toEqual([expect.objectContaining({ field: 'number', from: 1, to: 4, why: 'renumbered' })]);
        expect(itemText('en', new Map()).historyText(numberChanges[0]!)).toBe('Number: R-001 → R-004 (renumbered when syncing: another item had R-001 first)');
        expect(itemText('de', new Map()).historyText(numberChanges[0]!)).toBe(
          'Nummer: R-001 → R-004 (beim Synchronisieren umnummeriert: R-001 hatte ein anderer Eintrag zuerst)',
        );
        // The item kept by its first maker has no such entry.
        const a1 = list(d, projectId).find((r) => r.title === 'A1')!;
        expect(history(d, a1.id).filter((h) => h.field === 'number')).toEqual([]);
      }
      expect(requirementRows(devices.b)).toEqual(requirementRows(devices.a));

      // The next item on either device takes the next free number.
      expect(create(devices.a, projectId, 'A4').number).toBe(7);
    }
  });

  it('are found by their former numbers in search and in the number filter, labelled "was R-001"', async () => {
    const share = tempDir('fieldbook-share-');
    const a = device();
    const b = device();
    const projectId = await sharedProject([a, b], share);
    a.clock.ms = START + 60_000;
    create(a, projectId, 'Firewall rules');
    b.clock.ms = START + 120_000;
    create(b, projectId, 'Test accounts');
    await syncUntilQuiet([a, b], share);

    const items = list(b, projectId);
    const text = itemText('en', new Map());
    const query = (q: Partial<ChecklistQuery>) =>
      queryItems(items, { view: 'all', filters: {}, search: '', sort: { column: 'number', descending: false }, ...q }, text.show, '2026-11-30').map((r) => r.title);
    for (const search of ['R-001', 'r-001', '001']) expect(query({ search })).toEqual(['Firewall rules', 'Test accounts']);
    expect(query({ search: 'R-002' })).toEqual(['Test accounts']);
    expect(query({ filters: { number: 'R-001' } })).toEqual(['Firewall rules', 'Test accounts']);
    const renumbered = items.find((r) => r.title === 'Test accounts')!;
    expect([renumbered.number, text.formerNumbers(renumbered), itemText('de', new Map()).formerNumbers(renumbered)]).toEqual([2, 'was R-001', 'früher R-001']);
    expect(text.formerNumbers(items.find((r) => r.title === 'Firewall rules')!)).toBe('');
  });

  it('let a CSV file written before the sync update the renumbered item by its former number', async () => {
    const share = tempDir('fieldbook-share-');
    const a = device();
    const b = device();
    const projectId = await sharedProject([a, b], share);
    a.clock.ms = START + 60_000;
    const firewall = create(a, projectId, 'Firewall rules');
    const routing = create(a, projectId, 'Mail routing');
    b.clock.ms = START + 120_000;
    const accounts = create(b, projectId, 'Test accounts');
    const balancer = create(b, projectId, 'Load balancer');
    // B sends its checklist out as ...
    const { csv } = b.core.call('requirements.exportCsv', { projectId, language: 'en', delimiter: ',' }) as { csv: string };
    await syncUntilQuiet([a, b], share);
    expect(numbering(b, projectId)).toMatchObject({ 'Test accounts': { number: 3, formerNumbers: [1] }, 'Load balancer': { number: 4, formerNumbers: [2] } });

    // ... and it comes back with statuses set: R-001 and R-002 are now A's items' numbers, yet the rows name B's.
    const edited = csv.replace(/(R-001,Test accounts,(?:[^,\n]*,){7})Open/, '$1Done').replace(/(R-002,Load balancer,(?:[^,\n]*,){7})Open/, '$1Blocked');
    expect(edited).not.toBe(csv);
    const preview = b.core.call('requirements.previewImport', { projectId, csv: edited }) as ImportPreview;
    expect(preview).toMatchObject({ rows: 2, creates: 0, updates: 2, problems: [] });
    expect(b.core.call('requirements.import', { projectId, csv: edited, mapping: preview.mapping }) as ImportResult).toEqual({ created: 0, updated: 2, skipped: 0 });
    const after = new Map(list(b, projectId).map((r) => [r.id, r]));
    expect(after.get(accounts.id)).toMatchObject({ number: 3, status: 'done' });
    expect(after.get(balancer.id)).toMatchObject({ number: 4, status: 'blocked' });
    expect(after.get(firewall.id)).toMatchObject({ number: 1, title: 'Firewall rules', status: 'open' });
    expect(after.get(routing.id)).toMatchObject({ number: 2, title: 'Mail routing', status: 'open' });
    expect(after.size).toBe(4);

    // Two rows naming one item, by its number and by the number it had, would overwrite each other.
    const twice = 'Number,Title,Status\nR-001,Test accounts,Open\nR-003,Test accounts,Blocked\n';
    expect((b.core.call('requirements.previewImport', { projectId, csv: twice }) as ImportPreview).problems.map((p) => [p.line, p.message])).toEqual([
      [3, 'R-003 is already on line 2'],
    ]);

    // The number names its own item where the row is that item, or does not say which it is.
    const own = 'Number,Title,Status\nR-001,Firewall rules,In progress\n';
    b.core.call('requirements.import', { projectId, csv: own, mapping: ['number', 'title', 'status'] });
    const untitled = 'Number,Status\nR-002,Blocked\n';
    b.core.call('requirements.import', { projectId, csv: untitled, mapping: ['number', 'status'] });
    const final = new Map(list(b, projectId).map((r) => [r.id, r.status]));
    expect([final.get(firewall.id), final.get(routing.id), final.get(accounts.id), final.get(balancer.id)]).toEqual(['in_progress', 'blocked', 'done', 'blocked']);
  });

  it('end the same on three devices that renumbered with different knowledge, with no conflict listed', async () => {
    const share = tempDir('fieldbook-share-');
    const [a, b, c] = [device(), device(), device()] as const;
    const projectId = await sharedProject([a, b, c], share);
    a.clock.ms = START + 60_000;
    create(a, projectId, 'A1');
    b.clock.ms = START + 120_000;
    create(b, projectId, 'B1');
    c.clock.ms = START + 180_000;
    create(c, projectId, 'C1');
    // C sees A's item and renumbers its own to R-002; A sees C's and does the same. B, later,
    // sees both without their renumbering: B1 (made before C1) takes R-002 and C1 R-003.
    await sync(a, share);
    await sync(c, share);
    await sync(a, share);
    b.clock.ms = START + 600_000;
    await sync(b, share);
    await syncUntilQuiet([a, b, c], share);

    for (const d of [a, b, c]) {
      expect(numbering(d, projectId)).toEqual({
        A1: { number: 1, formerNumbers: [] },
        B1: { number: 2, formerNumbers: [1] },
        C1: { number: 3, formerNumbers: [1] },
      });
      expect(d.core.call('conflicts.list', {}) as SyncConflict[]).toEqual([]);
      const c1 = list(d, projectId).find((r) => r.title === 'C1')!;
      expect(history(d, c1.id).filter((h) => h.field === 'number').map((h) => [h.from, h.to])).toEqual([
        [1, 2],
        [2, 3],
      ]);
    }
    expect(requirementRows(b)).toEqual(requirementRows(a));
    expect(requirementRows(c)).toEqual(requirementRows(a));
  });

  it('leave a removed item its number: a later item with the same number moves on, and no number is given again', async () => {
    const share = tempDir('fieldbook-share-');
    const a = device();
    const b = device();
    const projectId = await sharedProject([a, b], share);
    a.clock.ms = START + 60_000;
    create(a, projectId, 'A1');
    const removed = create(a, projectId, 'A2');
    a.core.call('requirements.remove', { id: removed.id });
    b.clock.ms = START + 120_000;
    for (const title of ['B1', 'B2', 'B3']) create(b, projectId, title);
    await syncUntilQuiet([b, a], share);

    for (const d of [a, b]) {
      expect(numbering(d, projectId)).toEqual({
        A1: { number: 1, formerNumbers: [] },
        B1: { number: 4, formerNumbers: [1] },
        B2: { number: 5, formerNumbers: [2] },
        B3: { number: 3, formerNumbers: [] },
      });
      expect(inspect(d.core).prepare('SELECT number, deleted FROM requirement WHERE id = ?').get(removed.id)).toEqual({ number: 2, deleted: 1 });
      expect(d.core.call('conflicts.list', {})).toEqual([]);
    }
    expect(create(b, projectId, 'B4').number).toBe(6);
  });
});

describe('many devices at random', () => {
  it.each([1, 2, 3])('number every item uniquely per project, the same everywhere, whatever syncs when (seed %i)', async (seed) => {
    const next = random(seed);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const share = tempDir('fieldbook-share-');
    const devices = [0, 1, 2, 3].map(() => device());
    const projects = [await sharedProject(devices, share, 'Webmail'), await sharedProject(devices, share, 'Archive')];
    // Clocks apart by up to an hour, one of them behind the others.
    for (const [i, d] of devices.entries()) d.clock.ms += i === 3 ? -3_600_000 : Math.floor(next() * 3_600_000);

    for (let step = 0; step < 150; step++) {
      const d = pick(devices);
      d.clock.ms += Math.floor(next() * 5_000);
      const roll = next();
      const projectId = pick(projects);
      if (roll < 0.6) {
        create(d, projectId, `Item ${seed}-${step}`);
      } else if (roll < 0.7) {
        const items = list(d, projectId);
        if (items.length > 0) d.core.call('requirements.remove', { id: pick(items).id });
      } else if (roll < 0.78) {
        const items = list(d, projectId);
        if (items.length > 0) d.core.call('requirements.update', { id: pick(items).id, status: pick(['open', 'in_progress', 'done'] as const) });
      } else {
        // Only this device reaches the share now: the others stay apart.
        await sync(d, share);
      }
    }
    await syncUntilQuiet(devices, share);

    const stored = devices.map((d) => requirementRows(d));
    for (const rows of stored.slice(1)) expect(rows).toEqual(stored[0]);
    const rows = inspect(devices[0]!.core).prepare('SELECT id, project_id AS projectId, number, former_numbers AS formerNumbers, deleted FROM requirement').all() as {
      id: string;
      deleted: number;
      projectId: string;
      number: number;
      formerNumbers: string;
    }[];
    expect(rows.length).toBeGreaterThan(50);
    for (const projectId of projects) {
      const numbers = rows.filter((r) => r.projectId === projectId).map((r) => r.number);
      // Removed items included: a number names one item for good.
      expect(new Set(numbers).size).toBe(numbers.length);
    }
    // Apart, the devices gave the same numbers: some items were renumbered, each one saying so.
    const renumbered = rows.filter((r) => r.formerNumbers !== '[]');
    expect(renumbered.length).toBeGreaterThan(0);
    for (const d of devices) {
      expect(d.core.call('conflicts.list', {})).toEqual([]);
      for (const r of renumbered.filter((x) => !x.deleted).slice(0, 5)) {
        const { requirement } = d.core.call('requirements.get', { id: r.id }) as RequirementDetail;
        expect(requirement.formerNumbers).toEqual(JSON.parse(r.formerNumbers));
        expect(history(d, r.id).some((h) => h.why === 'renumbered')).toBe(true);
      }
    }
  });
});
