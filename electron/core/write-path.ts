// The one write path. Every mutation of domain tables is a list of field-level changes applied
// here in one transaction that also appends each change to the change log, stamped by the hybrid
// logical clock and this device's id. The sync issue exports that log and imports the others'
// changes through this same path; nothing else writes domain tables.
//
// A change to the value already stored is no change: it writes nothing, logs nothing and takes
// no stamp. Callers may pass whole records (a form saved as it stands) without every unchanged
// field, a 1 MB logo say, being logged again and later carried through sync.
import type Database from 'better-sqlite3';
import { entityDef, isLongText, type EntityDef, type EntityName, type FieldDef, type FieldValue } from './db/entities.ts';
import { SCHEMA_VERSION } from './db/migrations.ts';
import { formatStamp, parseStamp, type HybridClock } from './hlc.ts';
import { mergeText } from './sync/merge-text.ts';
import { derivedBySync } from './sync/numbers.ts';
import { ClosedProjects } from './closed-projects.ts';

export interface FieldChange {
  entity: EntityName;
  id: string;
  field: string;
  value: FieldValue;
}

export interface ApplyOptions {
  /** Written even where the project is closed: only for what sync derives, never for a person's edit. */
  evenIfClosed?: boolean;
}

const CLOCK_KEY = 'clock';
/** The last of this device's own changes (change_log.seq) written to the share. */
export const EXPORTED_KEY = 'sync.exported_seq';
/** When this device last synced, and what came of it (the summary as JSON). */
export const LAST_SYNC_KEY = 'sync.last';
/** The hashes of the snapshots this database wrote to the share (JSON array, oldest first): only these it ever removes. */
export const OWN_SNAPSHOTS_KEY = 'sync.own_snapshots';

/** A change another device made, as sync brings it. */
export interface RemoteChange {
  stamp: string;
  deviceId: string;
  entity: string;
  rowId: string;
  field: string;
  value: FieldValue;
  schemaVersion: number;
}

/** A change file of the share, as recorded once applied (or written, for this device's own). */
export interface SyncFileRecord {
  hash: string;
  device: string;
  /** The file's place among its writer's change files, from 1. */
  number: number;
  firstStamp: string;
  lastStamp: string;
  count: number;
  /** Per other device, the latest of its changes the writer had applied when it made these. */
  knows: Record<string, string>;
}

/** What became of others' changes: taken as the field's value, kept in the history only (a later change of the field was there), already here, or kept back. */
export interface RemoteOutcome {
  applied: number;
  superseded: number;
  duplicates: number;
  parkedForSchema: number;
  parkedForClock: number;
}

type ParkReason = 'schema' | 'clock';

const noOutcome = (): RemoteOutcome => ({ applied: 0, superseded: 0, duplicates: 0, parkedForSchema: 0, parkedForClock: 0 });

const cellKey = (change: Pick<RemoteChange, 'entity' | 'rowId' | 'field'>) => `${change.entity}\u0000${change.rowId}\u0000${change.field}`;

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

/** Whether a value from another device has the field's type here (a newer schema may differ). */
function fitsField(def: FieldDef, value: FieldValue): boolean {
  try {
    checkValue('', '', def, value);
    return true;
  } catch {
    return false;
  }
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
  private readonly remote: RemoteStatements;
  private readonly closedProjects: ClosedProjects;

  constructor(db: Database.Database, clock: HybridClock, deviceId: string) {
    this.db = db;
    this.closedProjects = new ClosedProjects(db);
    this.clock = clock;
    this.deviceId = deviceId;
    this.logInsert = db.prepare(
      `INSERT INTO change_log (stamp, device_id, entity, row_id, field, value, schema_version) VALUES (?, ?, ?, ?, ?, ?, ${SCHEMA_VERSION})`,
    );
    this.clockSave = db.prepare(`INSERT INTO meta (key, value) VALUES ('${CLOCK_KEY}', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`);
    this.remote = remoteStatements(db);
  }

  /**
   * Applies changes other devices made, all or none, with `files` recorded as applied in the same
   * transaction (a change file, or every file a snapshot holds). Per field the change with the
   * highest stamp wins, whatever order they come in: a change older than the field's latest goes
   * into the history only. A change this version
   * cannot apply (an entity or field it does not know, or stamped more than a day ahead of this
   * clock) is kept back in sync_parked and tried again by applyParked.
   */
  applyRemote(changes: readonly RemoteChange[], files: readonly SyncFileRecord[], appliedAt: string): RemoteOutcome {
    return this.remoteBatch((outcome) => {
      // The files first: what their writers knew decides whether their changes conflict.
      for (const file of files) this.recordFile(file, appliedAt);
      const touched = new Map<string, RemoteChange>();
      for (const change of changes) if (this.applyOneRemote(change, outcome)) touched.set(cellKey(change), change);
      for (const change of touched.values()) this.findConflicts(change.entity, change.rowId, change.field);
    });
  }

  /** Tries the changes kept back again: after an upgrade, or once this clock has caught up. */
  applyParked(): RemoteOutcome {
    const parked = this.remote.parkedAll.all().map((row) => ({ ...row, value: JSON.parse(row.value) as FieldValue }));
    if (parked.length === 0) return noOutcome();
    return this.remoteBatch((outcome) => {
      this.remote.parkedClear.run();
      for (const change of parked) if (this.applyOneRemote(change, outcome)) this.findConflicts(change.entity, change.rowId, change.field);
    });
  }

  /**
   * One batch of others' changes: one transaction, with foreign keys off (see below), the clock
   * caught up with the stored one first and persisted with the batch that moved it, never without.
   */
  private remoteBatch(work: (outcome: RemoteOutcome) => void): RemoteOutcome {
    return this.withoutForeignKeys(() =>
      this.db
        .transaction(() => {
          const outcome = noOutcome();
          const stored = loadClockState(this.db);
          if (stored) this.clock.catchUp(stored);
          work(outcome);
          this.clockSave.run(JSON.stringify(this.clock.snapshot()));
          return outcome;
        })
        .immediate(),
    );
  }

  /** Notes a change file this device wrote to the share, with the last of its changes it holds. */
  recordExport(file: SyncFileRecord, lastSeq: number, writtenAt: string): void {
    this.db
      .transaction(() => {
        const exported = Number(this.remote.metaGet.get(EXPORTED_KEY)?.value ?? 0);
        this.recordFile(file, writtenAt);
        this.remote.metaSave.run(EXPORTED_KEY, String(lastSeq));
        // What the file says this device knew is what every other device judges these changes by
        // (a file of another device that came before an earlier one does not count): judged so
        // here too from now on, every device lists the same conflicts for the fields they touch.
        for (const cell of this.remote.sharedCells.all(this.deviceId, exported, lastSeq, this.deviceId)) this.findConflicts(cell.entity, cell.rowId, cell.field);
      })
      .immediate();
  }

  /**
   * Moves this device's changes not yet in the share to the device id `to`, in their stamps: a
   * copied laptop image or a restored backup goes on under an id of its own, so that no stamp is
   * made twice under one id. Changes in `inShare` (by sameChange) stay: the other installation has
   * put them in the share under the old id already; a stamp it gave to another change (both made
   * one in the same millisecond) moves like the rest. Time and counter stay, and so does the order
   * of changes; a stamp is renamed wherever it names a change (a conflict, the answer to one). In
   * the caller's transaction.
   */
  relabelUnsent(from: string, to: string, inShare: ReadonlySet<string>): void {
    const exported = Number(this.remote.metaGet.get(EXPORTED_KEY)?.value ?? 0);
    const statements = relabelStatements(this.db);
    for (const { seq, ...change } of statements.unsent.all(from, exported)) {
      const { stamp } = change;
      if (inShare.has(sameChange({ ...change, value: JSON.parse(change.value) as FieldValue }))) continue;
      const renamed = formatStamp(parseStamp(stamp), to);
      statements.change.run(renamed, to, seq);
      statements.conflictLoser.run(renamed, stamp);
      statements.conflictWinner.run(renamed, stamp);
      statements.answer.run(renamed, stamp);
      statements.answerChanges.run(renamed, stamp);
    }
  }

  /** Notes a snapshot this database wrote to the share, by the hash its name carries. */
  recordSnapshot(hash: string): void {
    this.db
      .transaction(() => {
        const own = JSON.parse(this.remote.metaGet.get(OWN_SNAPSHOTS_KEY)?.value ?? '[]') as string[];
        if (!own.includes(hash)) this.remote.metaSave.run(OWN_SNAPSHOTS_KEY, JSON.stringify([...own, hash]));
      })
      .immediate();
  }

  /** Notes when this device last synced with the share and what came of it. */
  recordSync(summary: string): void {
    this.remote.metaSave.run(LAST_SYNC_KEY, summary);
  }

  /**
   * Others' rows arrive in the order their files do: a meeting can come before the project it
   * belongs to, whose file a sync client has not brought yet. Local edits keep their checks.
   */
  private withoutForeignKeys<T>(work: () => T): T {
    if (this.db.inTransaction) throw new Error('Others\' changes are applied in a transaction of their own');
    this.db.pragma('foreign_keys = OFF');
    try {
      return work();
    } finally {
      this.db.pragma('foreign_keys = ON');
    }
  }

  private recordFile(file: SyncFileRecord, at: string): void {
    this.remote.fileInsert.run(file.hash, file.device, file.number, file.firstStamp, file.lastStamp, file.count, JSON.stringify(file.knows), at);
  }

  /**
   * The conflicts of one field, worked out again from its changes: a change lost "unseen" when
   * the winning change's writer had not yet applied it (and its own writer did not change the
   * field again later). Two people who changed a field while apart thus see the same conflict on
   * every device, whatever order the changes came in; a change made knowing them settles it. A
   * long text takes an unseen change's edits in where they do not overlap the winner's (merged
   * from the latest value both writers had); only the rest are conflicts.
   */
  private findConflicts(entity: string, rowId: string, field: string): void {
    this.remote.conflictsClear.run(entity, rowId, field);
    // A value sync derives (a number made unique) ends the same everywhere: nobody's to choose.
    if (derivedBySync(entity, field)) return;
    const changes = this.remote.changesOfField.all(entity, rowId, field);
    const winner = changes.at(-1);
    if (!winner || changes.length < 2) return;
    const knowsWinner = this.knowsAt(winner);
    // A change no file holds yet is this device's own, made after everything it has applied.
    if (!knowsWinner) return;
    // Only each other writer's latest change of the field is what they meant it to be.
    const latestOf = new Map<string, FieldHistoryRow>();
    for (const change of changes) if (change.deviceId !== winner.deviceId) latestOf.set(change.deviceId, change);
    // Two people who set the same value disagree on nothing.
    let unseen = [...latestOf.values()].filter((change) => (knowsWinner[change.deviceId] ?? '') < change.stamp && change.value !== winner.value);
    if (unseen.length === 0) return;
    const def = entityDef(entity);
    const winnerValue = JSON.parse(winner.value) as FieldValue;
    if (def && isLongText(entity, field) && typeof winnerValue === 'string') {
      let text = winnerValue;
      unseen = unseen.filter((loser) => {
        const base = this.commonValue(changes, winner, knowsWinner, loser);
        const theirs = JSON.parse(loser.value) as FieldValue;
        const merged = base === null || typeof theirs !== 'string' ? null : mergeText(text, base, theirs);
        if (merged !== null) text = merged;
        return merged === null;
      });
      // What the field shows: the winner's text with the others' edits in (the same on every device).
      if (text !== winnerValue) this.upsertStatement(entity as EntityName, def, [field]).run(rowId, text);
    }
    for (const loser of unseen) this.remote.conflictInsert.run(loser.stamp, entity, rowId, field, winner.stamp);
  }

  /** What a change's writer had of the others' changes when making it; null for one no file holds yet. */
  private knowsAt(change: FieldHistoryRow): Record<string, string> | null {
    const known = this.remote.knowsOf.get(change.deviceId, change.stamp, change.stamp);
    return known ? (JSON.parse(known.knows) as Record<string, string>) : null;
  }

  /** The latest value of the field both writers had (the merge's base): '' before any; null when unknown. */
  private commonValue(changes: readonly FieldHistoryRow[], winner: FieldHistoryRow, knowsWinner: Record<string, string>, loser: FieldHistoryRow): string | null {
    const knowsLoser = this.knowsAt(loser);
    if (!knowsLoser) return null;
    const had = (knows: Record<string, string>, writer: FieldHistoryRow, change: FieldHistoryRow) =>
      change.stamp < writer.stamp && (change.deviceId === writer.deviceId || (knows[change.deviceId] ?? '') >= change.stamp);
    const base = changes.filter((c) => had(knowsWinner, winner, c) && had(knowsLoser, loser, c)).at(-1);
    if (!base) return '';
    const value = JSON.parse(base.value) as FieldValue;
    return typeof value === 'string' ? value : null;
  }

  /** Applies one change from another device; true when it is new here (a field's value or its history). */
  private applyOneRemote(change: RemoteChange, outcome: RemoteOutcome): boolean {
    if (this.remote.logHas.get(change.stamp) || this.remote.parkedHas.get(change.stamp)) {
      outcome.duplicates++;
      return false;
    }
    const def = entityDef(change.entity);
    const field = def?.fields.get(change.field);
    if (!def || !field || !fitsField(field, change.value)) {
      this.park(change, 'schema');
      outcome.parkedForSchema++;
      return false;
    }
    if (this.clock.receive(change.stamp).heldBack) {
      this.park(change, 'clock');
      outcome.parkedForClock++;
      return false;
    }
    const latest = this.remote.latestOfField.get(change.entity, change.rowId, change.field)?.stamp ?? null;
    if (latest === null || change.stamp > latest) {
      this.upsertStatement(change.entity as EntityName, def, [change.field]).run(change.rowId, toColumnValue(change.value));
      outcome.applied++;
    } else {
      outcome.superseded++;
    }
    this.remote.logInsertRemote.run(change.stamp, change.deviceId, change.entity, change.rowId, change.field, JSON.stringify(change.value), change.schemaVersion);
    return true;
  }

  private park(change: RemoteChange, reason: ParkReason): void {
    this.remote.parkedInsert.run(change.stamp, change.deviceId, change.entity, change.rowId, change.field, JSON.stringify(change.value), change.schemaVersion, reason);
  }

  /**
   * Applies all changes or none. Returns the stamps given to the changes that changed a value, in
   * order; a change to the value already stored (or set earlier in the batch) gets none. A batch
   * touching a closed project is refused (see closed-projects.ts) unless `evenIfClosed`: numbers
   * sync derives must stay unique there too.
   */
  apply(changes: readonly FieldChange[], options: ApplyOptions = {}): string[] {
    if (changes.length === 0) return [];
    // The clock is persisted inside the transaction, so a failed batch leaves the stored clock
    // as it was; the in-memory clock may run ahead, which keeps it monotonic.
    // IMMEDIATE (inside an outer transaction it is a savepoint): the stored clock read first is
    // then the latest, whoever else writes this file.
    return this.db
      .transaction(() => {
        if (!options.evenIfClosed) this.closedProjects.refuse(changes);
        return this.applyInTransaction(changes);
      })
      .immediate();
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
      // Made here knowing every value of the field this device has: its conflicts are settled.
      this.remote.conflictsClear.run(entity, id, change.field);
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

/** One change of a field in the change log, its value as JSON text. */
interface FieldHistoryRow {
  stamp: string;
  deviceId: string;
  value: string;
}

interface ParkedRow {
  stamp: string;
  deviceId: string;
  entity: string;
  rowId: string;
  field: string;
  value: string;
  schemaVersion: number;
}

function remoteStatements(db: Database.Database) {
  return {
    logHas: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM change_log WHERE stamp = ?'),
    parkedHas: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM sync_parked WHERE stamp = ?'),
    latestOfField: db.prepare<[string, string, string], { stamp: string | null }>('SELECT max(stamp) AS stamp FROM change_log WHERE entity = ? AND row_id = ? AND field = ?'),
    logInsertRemote: db.prepare('INSERT INTO change_log (stamp, device_id, entity, row_id, field, value, schema_version) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    parkedInsert: db.prepare('INSERT INTO sync_parked (stamp, device_id, entity, row_id, field, value, schema_version, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    parkedAll: db.prepare<[], ParkedRow>(
      'SELECT stamp, device_id AS deviceId, entity, row_id AS rowId, field, value, schema_version AS schemaVersion FROM sync_parked ORDER BY stamp',
    ),
    parkedClear: db.prepare('DELETE FROM sync_parked'),
    fileInsert: db.prepare('INSERT OR IGNORE INTO sync_file (hash, device, number, first_stamp, last_stamp, count, knows, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    changesOfField: db.prepare<[string, string, string], FieldHistoryRow>(
      'SELECT stamp, device_id AS deviceId, value FROM change_log WHERE entity = ? AND row_id = ? AND field = ? ORDER BY stamp',
    ),
    knowsOf: db.prepare<[string, string, string], { knows: string }>('SELECT knows FROM sync_file WHERE device = ? AND first_stamp <= ? AND last_stamp >= ? LIMIT 1'),
    conflictsClear: db.prepare('DELETE FROM sync_conflict WHERE entity = ? AND row_id = ? AND field = ?'),
    conflictInsert: db.prepare('INSERT INTO sync_conflict (stamp, entity, row_id, field, winner) VALUES (?, ?, ?, ?, ?)'),
    metaSave: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    metaGet: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    // The fields this device's changes seq (after, upTo] touched that another device changed too.
    sharedCells: db.prepare<[string, number, number, string], { entity: string; rowId: string; field: string }>(
      `SELECT DISTINCT c.entity, c.row_id AS rowId, c.field FROM change_log c
       WHERE c.device_id = ? AND c.seq > ? AND c.seq <= ?
         AND EXISTS (SELECT 1 FROM change_log o WHERE o.entity = c.entity AND o.row_id = c.row_id AND o.field = c.field AND o.device_id <> ?)`,
    ),
  };
}

/** A change as one text, stamp and all: two installations under one id may give one stamp to different changes. */
export function sameChange(change: Pick<RemoteChange, 'stamp' | 'entity' | 'rowId' | 'field' | 'value'>): string {
  return JSON.stringify([change.stamp, change.entity, change.rowId, change.field, change.value]);
}

/** Renaming the stamps of changes not yet sent (relabelUnsent): rare, so prepared when needed. */
function relabelStatements(db: Database.Database) {
  return {
    unsent: db.prepare<[string, number], { seq: number; stamp: string; entity: string; rowId: string; field: string; value: string }>(
      'SELECT seq, stamp, entity, row_id AS rowId, field, value FROM change_log WHERE device_id = ? AND seq > ? ORDER BY seq',
    ),
    change: db.prepare('UPDATE change_log SET stamp = ?, device_id = ? WHERE seq = ?'),
    conflictLoser: db.prepare('UPDATE sync_conflict SET stamp = ? WHERE stamp = ?'),
    conflictWinner: db.prepare('UPDATE sync_conflict SET winner = ? WHERE winner = ?'),
    // The answer to a conflict is an entity whose id is the losing change's stamp.
    answer: db.prepare('UPDATE conflict_resolution SET id = ? WHERE id = ?'),
    answerChanges: db.prepare("UPDATE change_log SET row_id = ? WHERE entity = 'conflictResolution' AND row_id = ?"),
  };
}
type RemoteStatements = ReturnType<typeof remoteStatements>;

export function loadClockState(db: Database.Database): { ms: number; counter: number } | null {
  const row = db.prepare(`SELECT value FROM meta WHERE key = '${CLOCK_KEY}'`).get() as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as { ms: number; counter: number }) : null;
}
