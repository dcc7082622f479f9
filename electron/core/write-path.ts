// The one write path. Every mutation of domain tables is a list of field-level changes applied
// here in one transaction that also appends each change to the change log, stamped by the hybrid
// logical clock and this device's id. The sync issue exports that log and imports the others'
// changes through this same path; nothing else writes domain tables.
//
// A change to the value already stored is no change: it writes nothing, logs nothing and takes
// no stamp. Callers may pass whole records (a form saved as it stands) without every unchanged
// field, a 1 MB logo say, being logged again and later carried through sync.
import type Database from 'better-sqlite3';
import { entityDef, type EntityDef, type EntityName, type FieldDef, type FieldValue } from './db/entities.ts';
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

function fieldDef(entity: string, def: EntityDef, field: string): FieldDef {
  const declared = def.fields.get(field);
  if (!declared) throw new Error(`Unknown field ${entity}.${field}`);
  return declared;
}

function checkFields(entity: string, def: EntityDef, changes: readonly FieldChange[]): void {
  for (const { field, value } of changes) checkValue(entity, field, fieldDef(entity, def, field), value);
}

function toColumnValue(value: FieldValue): string | number | null {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

/** A stored column as the value a change would carry: booleans are stored as 0 and 1. */
function fromColumnValue(def: FieldDef, column: unknown): FieldValue {
  if (column === null) return null;
  if (def.type === 'boolean') return column === 1;
  if (typeof column === 'string' || typeof column === 'number') return column;
  // STRICT tables hold only what the declaration says: text or integers within a number's range.
  throw new Error(`${def.column} holds a ${typeof column}`);
}

/** The changes that change a value, each judged against `current` (field values), which it updates. */
function effectiveChanges(changes: readonly FieldChange[], current: Map<string, FieldValue>): FieldChange[] {
  const effective: FieldChange[] = [];
  for (const change of changes) {
    if (current.has(change.field) && current.get(change.field) === change.value) continue;
    current.set(change.field, change.value);
    effective.push(change);
  }
  return effective;
}

/** Where each run of consecutive changes to the same row starts and ends. */
function rowRuns(changes: readonly FieldChange[]): [number, number][] {
  const runs: [number, number][] = [];
  let start = 0;
  while (start < changes.length) {
    const { entity, id } = changes[start]!;
    let end = start + 1;
    while (end < changes.length && changes[end]!.entity === entity && changes[end]!.id === id) end++;
    runs.push([start, end]);
    start = end;
  }
  return runs;
}

export class WritePath {
  private readonly db: Database.Database;
  private readonly clock: HybridClock;
  private readonly deviceId: string;
  private readonly upserts = new Map<string, Database.Statement>();
  private readonly selects = new Map<string, Database.Statement<[string], unknown[]>>();
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

  /**
   * Applies all changes or none. Returns the stamps given to the changes that changed a value, in
   * order; a change to the value already stored (or set earlier in the batch) gets none.
   */
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
    // Consecutive changes to the same row become one upsert.
    const stamps = rowRuns(changes).flatMap(([start, end]) => this.applyToRow(changes.slice(start, end)));
    if (stamps.length > 0) this.clockSave.run(JSON.stringify(this.clock.snapshot()));
    return stamps;
  }

  /** Writes and logs the changes to one row that change its values; returns their stamps. */
  private applyToRow(changes: readonly FieldChange[]): string[] {
    const { entity, id } = changes[0]!;
    const def = entityDef(entity);
    if (!def) throw new Error(`Unknown entity ${String(entity)}`);
    checkFields(entity, def, changes);
    // Each change is judged against the value before it, as if the batch were applied one by one:
    // the stored value, or the batch's previous change to that field. A new row has no values yet,
    // so every field given to it is a change.
    const current = this.storedValues(entity, def, id, [...new Set(changes.map((c) => c.field))]);
    const effective = effectiveChanges(changes, current);
    if (effective.length === 0) return [];
    // Later changes to the same field in one batch win, as they would applied one by one.
    const fields = [...new Set(effective.map((c) => c.field))];
    this.upsertStatement(entity, def, fields).run(id, ...fields.map((f) => toColumnValue(current.get(f)!)));
    return effective.map((change) => {
      const stamp = this.clock.next();
      this.logInsert.run(stamp, this.deviceId, entity, id, change.field, JSON.stringify(change.value));
      return stamp;
    });
  }

  /** The row's stored values of these fields; empty for a row that does not exist yet. */
  private storedValues(entity: EntityName, def: EntityDef, id: string, fields: string[]): Map<string, FieldValue> {
    const row = this.selectStatement(entity, def, fields).get(id);
    return new Map(row ? fields.map((f, i) => [f, fromColumnValue(fieldDef(entity, def, f), row[i])]) : []);
  }

  private selectStatement(entity: EntityName, def: EntityDef, fields: string[]): Database.Statement<[string], unknown[]> {
    const key = `${entity}:${fields.join(',')}`;
    let statement = this.selects.get(key);
    if (!statement) {
      const columns = fields.map((f) => fieldDef(entity, def, f).column);
      statement = this.db.prepare<[string], unknown[]>(`SELECT ${columns.join(', ')} FROM ${def.table} WHERE id = ?`).raw();
      this.selects.set(key, statement);
    }
    return statement;
  }

  private upsertStatement(entity: EntityName, def: EntityDef, fields: string[]): Database.Statement {
    const key = `${entity}:${fields.join(',')}`;
    let statement = this.upserts.get(key);
    if (!statement) {
      const columns = fields.map((f) => fieldDef(entity, def, f).column);
      statement = this.db.prepare(
        `INSERT INTO ${def.table} (id, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)})
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
