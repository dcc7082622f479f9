// The one write path. Every mutation of domain tables is a list of field-level changes applied
// here in one transaction that also appends each change to the change log, stamped by the hybrid
// logical clock and this device's id. The sync issue exports that log and imports the others'
// changes through this same path; nothing else writes domain tables.
import type Database from 'better-sqlite3';
import { ENTITIES, columnOf, isEntityName, type EntityName, type FieldDef, type FieldValue } from './db/entities.ts';
import { SCHEMA_VERSION } from './db/migrations.ts';
import type { HybridClock } from './hlc.ts';

export interface FieldChange {
  entity: EntityName;
  id: string;
  field: string;
  value: FieldValue;
}

const CLOCK_KEY = 'clock';

function checkValue(entity: string, field: string, def: FieldDef, value: FieldValue): void {
  if (value === null) {
    if (!def.nullable) throw new Error(`${entity}.${field} cannot be null`);
    return;
  }
  const ok =
    (def.type === 'text' && typeof value === 'string') ||
    (def.type === 'integer' && Number.isSafeInteger(value)) ||
    (def.type === 'boolean' && typeof value === 'boolean');
  if (!ok) throw new Error(`${entity}.${field} expects ${def.type}, got ${JSON.stringify(value)}`);
}

function toColumnValue(value: FieldValue): string | number | null {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

export class WritePath {
  private readonly db: Database.Database;
  private readonly clock: HybridClock;
  private readonly deviceId: string;
  private readonly upserts = new Map<string, Database.Statement>();
  private readonly logInsert: Database.Statement;
  private readonly clockSave: Database.Statement;

  constructor(db: Database.Database, clock: HybridClock, deviceId: string) {
    this.db = db;
    this.clock = clock;
    this.deviceId = deviceId;
    this.logInsert = db.prepare(
      `INSERT INTO change_log (stamp, device_id, entity, row_id, field, value, schema_version) VALUES (?, ?, ?, ?, ?, ?, ${SCHEMA_VERSION})`,
    );
    this.clockSave = db.prepare(`INSERT INTO meta (key, value) VALUES ('${CLOCK_KEY}', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`);
  }

  /** Applies all changes or none. Returns the stamps given to them, in order. */
  apply(changes: readonly FieldChange[]): string[] {
    if (changes.length === 0) return [];
    // The clock is persisted inside the transaction, so a failed batch leaves the stored clock
    // as it was; the in-memory clock may run ahead, which keeps it monotonic.
    // IMMEDIATE (inside an outer transaction it is a savepoint): the stored clock read first is
    // then the latest, whoever else writes this file.
    return this.db.transaction(() => this.applyInTransaction(changes)).immediate();
  }

  private applyInTransaction(changes: readonly FieldChange[]): string[] {
    // Another process on the same data folder (the command line beside the app) is the same
    // device with its own clock in memory: start after the last stamp either of them stored.
    const stored = loadClockState(this.db);
    if (stored) this.clock.catchUp(stored);
    const stamps: string[] = [];
    // Consecutive changes to the same row become one upsert.
    let start = 0;
    while (start < changes.length) {
      const first = changes[start]!;
      let end = start + 1;
      while (end < changes.length && changes[end]!.entity === first.entity && changes[end]!.id === first.id) end++;
      this.upsertRow(changes, start, end);
      start = end;
    }
    for (const change of changes) {
      const stamp = this.clock.next();
      this.logInsert.run(stamp, this.deviceId, change.entity, change.id, change.field, JSON.stringify(change.value));
      stamps.push(stamp);
    }
    this.clockSave.run(JSON.stringify(this.clock.snapshot()));
    return stamps;
  }

  private upsertRow(changes: readonly FieldChange[], start: number, end: number): void {
    const { entity, id } = changes[start]!;
    if (!isEntityName(entity)) throw new Error(`Unknown entity ${String(entity)}`);
    const defs: Record<string, FieldDef> = ENTITIES[entity].fields;
    // Later changes to the same field in one batch win, as they would applied one by one.
    const values = new Map<string, FieldValue>();
    for (let i = start; i < end; i++) {
      const { field, value } = changes[i]!;
      const def = defs[field];
      if (!def) throw new Error(`Unknown field ${entity}.${field}`);
      checkValue(entity, field, def, value);
      values.set(field, value);
    }
    const fields = [...values.keys()];
    this.upsertStatement(entity, fields).run(id, ...fields.map((f) => toColumnValue(values.get(f)!)));
  }

  private upsertStatement(entity: EntityName, fields: string[]): Database.Statement {
    const key = `${entity}:${fields.join(',')}`;
    let statement = this.upserts.get(key);
    if (!statement) {
      const columns = fields.map(columnOf);
      statement = this.db.prepare(
        `INSERT INTO ${ENTITIES[entity].table} (id, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)})
         ON CONFLICT(id) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`,
      );
      this.upserts.set(key, statement);
    }
    return statement;
  }
}

export function loadClockState(db: Database.Database): { ms: number; counter: number } | null {
  const row = db.prepare(`SELECT value FROM meta WHERE key = '${CLOCK_KEY}'`).get() as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as { ms: number; counter: number }) : null;
}
