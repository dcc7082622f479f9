import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Customer, ProjectDetail } from '../../shared/domain.ts';
import { ENTITIES, type FieldValue } from '../../electron/core/db/entities.ts';
import { changeLog, meta } from '../../electron/core/db/tables/log.ts';
import { parseStamp } from '../../electron/core/hlc.ts';
import { newId } from '../../electron/core/ids.ts';
import type { FieldChange } from '../../electron/core/write-path.ts';
import { dumpDatabase, inspect, openTestCore, removeTempDirs, tempDir } from '../support/temp-store.ts';

afterEach(removeTempDirs);

interface LogRow {
  seq: number;
  stamp: string;
  device_id: string;
  entity: string;
  row_id: string;
  field: string;
  value: string;
  schema_version: number;
}

function log(core: ReturnType<typeof openTestCore>): LogRow[] {
  return inspect(core).prepare('SELECT * FROM change_log ORDER BY seq').all() as LogRow[];
}

/** The value a log row holds, which the log keeps as JSON. */
const loggedValue = (row: LogRow): unknown => JSON.parse(row.value);

describe('the write path', () => {
  it('logs one row per field change, stamped with the clock and this device', () => {
    const core = openTestCore();
    // A new data folder starts with this device introducing itself.
    expect(log(core).map((r) => [r.entity, r.row_id, r.field])).toEqual([
      ['device', core.store.deviceId, 'userName'],
      ['device', core.store.deviceId, 'hostName'],
    ]);
    const customer = core.call('customers.create', { name: 'Nordhafen', address: 'Hafenstraße 1' }) as Customer;
    const rows = log(core).slice(2);
    expect(rows.map((r) => [r.entity, r.row_id, r.field, loggedValue(r)])).toEqual([
      ['customer', customer.id, 'name', 'Nordhafen'],
      ['customer', customer.id, 'address', 'Hafenstraße 1'],
      ['customer', customer.id, 'notes', ''],
      ['customer', customer.id, 'logo', null],
      ['customer', customer.id, 'archived', false],
      ['customer', customer.id, 'createdAt', customer.createdAt],
    ]);
    for (const r of rows) {
      expect(r.device_id).toBe(core.store.deviceId);
      expect(parseStamp(r.stamp).deviceId).toBe(core.store.deviceId);
      expect(r.schema_version).toBe(core.store.schemaVersion);
    }
    core.call('customers.update', { id: customer.id, notes: 'Horde users' });
    expect(log(core).slice(-1)[0]).toMatchObject({ field: 'notes', value: '"Horde users"' });
  });

  it('keeps the clock monotonic across restarts, even when the wall clock goes back', () => {
    const dir = tempDir();
    const first = openTestCore(dir, { now: () => 2_000_000 });
    first.call('customers.create', { name: 'A' });
    const lastBefore = log(first).at(-1)!.stamp;
    const device = first.store.deviceId;
    first.close();

    const second = openTestCore(dir, { now: () => 1_000 }); // the laptop clock was set back
    expect(second.store.deviceId).toBe(device);
    second.call('customers.create', { name: 'B' });
    const stamps = log(second).map((r) => r.stamp);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
    expect(stamps.at(-1)! > lastBefore).toBe(true);
    expect(parseStamp(stamps.at(-1)!).ms).toBe(2_000_000);
    second.close();
  });

  it('records deletes as tombstones: the row stays, marked deleted, and reads skip it', () => {
    const core = openTestCore();
    const { project } = core.call('projects.createSample', {}) as ProjectDetail;
    const detail = core.call('projects.get', { id: project.id }) as ProjectDetail;
    const member = detail.members[0]!;
    core.call('members.remove', { id: member.id });
    const row = inspect(core).prepare('SELECT deleted FROM membership WHERE id = ?').get(member.id);
    expect(row).toEqual({ deleted: 1 });
    expect(log(core).at(-1)).toMatchObject({ entity: 'membership', row_id: member.id, field: 'deleted', value: 'true' });
    const after = core.call('projects.get', { id: project.id }) as ProjectDetail;
    expect(after.members.map((m) => m.id)).not.toContain(member.id);
    expect(() => core.call('members.update', { id: member.id, role: 'x' })).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('applies a batch entirely or not at all', () => {
    const core = openTestCore();
    core.call('customers.create', { name: 'Before' });
    const before = dumpDatabase(core);
    const id = newId();
    expect(() =>
      core.store.apply([
        { entity: 'customer', id, field: 'name', value: 'Half' },
        { entity: 'project', id: newId(), field: 'customerId', value: 'no-such-customer' },
      ]),
    ).toThrow(/FOREIGN KEY/);
    expect(dumpDatabase(core)).toEqual(before);
  });

  it('refuses unknown entities, unknown fields and wrongly typed values before writing', () => {
    const core = openTestCore();
    const before = dumpDatabase(core);
    const id = newId();
    expect(() => core.store.apply([{ entity: 'customer', id, field: 'colour', value: 'red' }])).toThrow(/Unknown field customer.colour/);
    expect(() => core.store.apply([{ entity: 'customer', id, field: 'archived', value: 'yes' }])).toThrow(/expects boolean/);
    expect(() => core.store.apply([{ entity: 'customer', id, field: 'name', value: null }])).toThrow(/cannot be null/);
    expect(dumpDatabase(core)).toEqual(before);
  });

  it('is the only code that writes domain tables: every declared one', () => {
    const root = join(import.meta.dirname, '../../electron');
    const writers = new Set(['core/write-path.ts', 'core/db/migrations.ts']);
    // The installation's bookkeeping: the store keeps its device id there.
    const bookkeeping = new Map<string, ReadonlySet<string>>([['core/store.ts', new Set([getTableName(meta)])]]);
    const declared = new Map<string, SQLiteTable>([...Object.entries(ENTITIES), ['meta', meta], ['changeLog', changeLog]]);
    const tables = [...declared.values()].map(getTableName).join('|');
    const sql = new RegExp(`\\b(?:INSERT\\s+(?:OR\\s+\\w+\\s+)?INTO|REPLACE\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(${tables})\\b`, 'gi');
    // Writes through drizzle's query builder name the declaration: `.insert(customer)`.
    const builder = new RegExp(`\\.(?:insert|update|delete)\\(\\s*(?:\\w+\\.)?(${[...declared.keys()].join('|')})\\b`, 'g');
    const offenders: string[] = [];
    const visit = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        const file = relative(root, path);
        if (statSync(path).isDirectory()) visit(path);
        else if (path.endsWith('.ts') && !writers.has(file)) {
          const text = readFileSync(path, 'utf8');
          const written = [...text.matchAll(sql)].map((m) => m[1]!.toLowerCase());
          written.push(...[...text.matchAll(builder)].map((m) => getTableName(declared.get(m[1]!)!)));
          for (const table of new Set(written)) if (!bookkeeping.get(file)?.has(table)) offenders.push(`${file} writes ${table}`);
        }
      }
    };
    visit(root);
    expect(offenders).toEqual([]);
  });
});

/** Changes the database file as seen from another connection: any committed write raises it, even one that rewrites a value as it was. */
function rowsWritten(core: ReturnType<typeof openTestCore>): number {
  return inspect(core).pragma('data_version', { simple: true }) as number;
}

/** A customer with a project and an activity, so that every field type has a row to live in. */
function rowsOfEveryType(core: ReturnType<typeof openTestCore>): { customer: string; project: string; activity: string } {
  const ids = { customer: newId(), project: newId(), activity: newId() };
  core.store.apply([
    { entity: 'customer', id: ids.customer, field: 'name', value: 'Nordhafen' },
    { entity: 'project', id: ids.project, field: 'customerId', value: ids.customer },
    { entity: 'activity', id: ids.activity, field: 'projectId', value: ids.project },
  ]);
  return ids;
}

const ONE_MB_LOGO = `data:image/png;base64,${'A'.repeat(1_000_000)}`;

describe('the write path with values already stored', () => {
  const cases: [string, keyof ReturnType<typeof rowsOfEveryType>, string, FieldValue][] = [
    ['text', 'customer', 'name', 'Stadtwerke'],
    ['integer', 'activity', 'position', 7],
    ['boolean true', 'customer', 'archived', true],
    ['boolean false', 'customer', 'archived', false],
    ['nullable text, null', 'customer', 'logo', null],
    ['nullable text, a value', 'customer', 'logo', 'data:image/png;base64,AAAA'],
    ['nullable integer, null', 'project', 'mailboxes', null],
    ['nullable integer, a value', 'project', 'mailboxes', 25_000],
    ['large text of 1 MB', 'customer', 'logo', ONE_MB_LOGO],
  ];

  it.each(cases)('writes nothing and takes no clock tick for an unchanged %s', (_, entity, field, value) => {
    const core = openTestCore(tempDir(), { now: () => 1_000_000 }); // a still wall clock: every tick shows in the counter
    const ids = rowsOfEveryType(core);
    const change: FieldChange = { entity, id: ids[entity], field, value };
    core.store.apply([change]);
    const before = dumpDatabase(core);
    const written = rowsWritten(core);
    const lastStamp = log(core).at(-1)!.stamp;

    expect(core.store.apply([change])).toEqual([]);
    expect(rowsWritten(core)).toBe(written);
    expect(dumpDatabase(core)).toEqual(before);

    // The next real change follows directly on the last stamp: the unchanged one took none.
    const [next] = core.store.apply([{ entity: 'customer', id: ids.customer, field: 'notes', value: 'changed' }]);
    expect(parseStamp(next!)).toMatchObject({ ms: parseStamp(lastStamp).ms, counter: parseStamp(lastStamp).counter + 1 });
  });

  it('logs only the changed values of a batch that mixes changed and unchanged ones', () => {
    const core = openTestCore();
    const ids = rowsOfEveryType(core);
    core.store.apply([
      { entity: 'customer', id: ids.customer, field: 'logo', value: ONE_MB_LOGO },
      { entity: 'project', id: ids.project, field: 'mailboxes', value: 500 },
    ]);
    const seq = log(core).at(-1)!.seq;
    const stamps = core.store.apply([
      { entity: 'customer', id: ids.customer, field: 'name', value: 'Nordhafen' },
      { entity: 'customer', id: ids.customer, field: 'notes', value: 'Horde users' },
      { entity: 'customer', id: ids.customer, field: 'logo', value: ONE_MB_LOGO },
      { entity: 'customer', id: ids.customer, field: 'archived', value: false },
      { entity: 'project', id: ids.project, field: 'mailboxes', value: 500 },
      { entity: 'project', id: ids.project, field: 'startDate', value: '2026-12-01' },
      { entity: 'activity', id: ids.activity, field: 'position', value: 0 },
    ]);
    const logged = log(core).filter((r) => r.seq > seq);
    expect(logged.map((r) => [r.entity, r.field, loggedValue(r)])).toEqual([
      ['customer', 'notes', 'Horde users'],
      ['project', 'startDate', '2026-12-01'],
    ]);
    expect(stamps).toEqual(logged.map((r) => r.stamp));
    expect(inspect(core).prepare('SELECT notes FROM customer WHERE id = ?').get(ids.customer)).toEqual({ notes: 'Horde users' });
  });

  it('judges each change against the value before it, as if the batch were applied one by one', () => {
    const core = openTestCore();
    const { customer } = rowsOfEveryType(core);
    const seq = log(core).at(-1)!.seq;
    const name = (value: string): FieldChange => ({ entity: 'customer', id: customer, field: 'name', value });
    core.store.apply([name('Nordhafen'), name('Südhafen'), name('Südhafen'), name('Nordhafen')]);
    expect(log(core).filter((r) => r.seq > seq).map((r) => loggedValue(r))).toEqual(['Südhafen', 'Nordhafen']);
  });

  it('logs every field given for a new row, even values that look like defaults', () => {
    const core = openTestCore();
    const id = newId();
    const seq = log(core).at(-1)!.seq;
    core.store.apply([
      { entity: 'customer', id, field: 'notes', value: '' },
      { entity: 'customer', id, field: 'logo', value: null },
      { entity: 'customer', id, field: 'archived', value: false },
    ]);
    expect(log(core).filter((r) => r.seq > seq).map((r) => [r.field, loggedValue(r)])).toEqual([
      ['notes', ''],
      ['logo', null],
      ['archived', false],
    ]);
  });

  it('logs a 1 MB branding logo once, however often the footer beside it is saved', () => {
    const core = openTestCore();
    const branding = { consultancyName: 'Hafen Consulting', address: '', logo: ONE_MB_LOGO, accent: '#0b5cad', footerText: '', confidentiality: '' };
    for (let i = 0; i <= 5; i++) core.call('branding.save', { ...branding, footerText: `Footer ${i}` });
    const count = (field: string): number =>
      (inspect(core).prepare("SELECT count(*) AS n FROM change_log WHERE entity = 'branding' AND field = ?").get(field) as { n: number }).n;
    expect(count('logo')).toBe(1);
    expect(count('consultancyName')).toBe(1);
    expect(count('footerText')).toBe(6);
  });
});

describe('the change log', () => {
  it('finds the history of one row by an index', () => {
    const core = openTestCore();
    // The query of the checklist's history (historyOf in electron/core/api/checklist.ts).
    const plan = inspect(core)
      .prepare(
        `EXPLAIN QUERY PLAN SELECT c.stamp, c.device_id, c.field, c.value, d.user_name, d.host_name, d.person_name
           FROM change_log c LEFT JOIN device d ON d.id = c.device_id
          WHERE c.entity = 'requirement' AND c.row_id = ? ORDER BY c.stamp`,
      )
      .all('x') as { detail: string }[];
    expect(plan.map((p) => p.detail)).toContain('SEARCH c USING INDEX change_log_field (entity=? AND row_id=?)');
  });
});
