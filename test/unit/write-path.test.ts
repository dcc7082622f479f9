import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Customer, ProjectDetail } from '../../shared/domain.ts';
import { parseStamp } from '../../electron/core/hlc.ts';
import { newId } from '../../electron/core/ids.ts';
import { dumpDatabase, openTestCore, removeTempDirs, tempDir } from '../support/temp-store.ts';

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
  return core.store.db.prepare('SELECT * FROM change_log ORDER BY seq').all() as LogRow[];
}

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
    expect(rows.map((r) => [r.entity, r.row_id, r.field, JSON.parse(r.value)])).toEqual([
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
    const row = core.store.db.prepare('SELECT deleted FROM membership WHERE id = ?').get(member.id);
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

  it('is the only code that writes domain tables', () => {
    const root = join(import.meta.dirname, '../../electron');
    const allowed = new Set(['core/write-path.ts', 'core/db/migrations.ts']);
    const writes = /\b(INSERT\s+(OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE|DELETE\s+FROM)\s+(customer|project|activity|person|membership|change_log)\b/i;
    const offenders: string[] = [];
    const visit = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) visit(path);
        else if (path.endsWith('.ts') && !allowed.has(relative(root, path)) && writes.test(readFileSync(path, 'utf8'))) offenders.push(path);
      }
    };
    visit(root);
    expect(offenders).toEqual([]);
  });
});
