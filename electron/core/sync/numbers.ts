// Numbers counted per project (the checklist's R-001, ...) made unique again after a sync. Two
// laptops apart can both give R-042; once both items are on one device, the item made first keeps
// the number and each later one takes the next free number, keeping its old one as an alias
// ("was R-042") that search and the CSV import still find.
//
// The rule reads only what every device ends up with (the rows and the change log), so devices
// that renumber the same clash write equal values: no conflict. The renumbering is an ordinary
// local change through the write path, synced like any other.
import { and, eq, getTableColumns, gt, min, ne, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { ENTITIES, type EntityName, type FieldName } from '../db/entities.ts';
import { changeLog } from '../db/tables/log.ts';
import type { Store } from '../store.ts';
import type { FieldChange } from '../write-path.ts';

/** An entity numbered per scope: which field is the scope, which the number, which the numbers it had before. */
interface NumberedEntity {
  entity: EntityName;
  scope: string;
  number: string;
  /** Text holding a JSON array of integers, oldest first. */
  formerNumbers: string;
}

function numbered<E extends EntityName>(entity: E, fields: { scope: FieldName<E>; number: FieldName<E>; formerNumbers: FieldName<E> }): NumberedEntity {
  return { entity, ...fields };
}

/** Every entity numbered per project; a new one (SOW-, CR-, T-) joins with one line. */
const NUMBERED: readonly NumberedEntity[] = [
  numbered('requirement', { scope: 'projectId', number: 'number', formerNumbers: 'formerNumbers' }),
  // An SOW's later versions carry number 0 and take their first version's: one row per SOW here.
  numbered('sow', { scope: 'projectId', number: 'number', formerNumbers: 'formerNumbers' }),
  numbered('changeRequest', { scope: 'projectId', number: 'number', formerNumbers: 'formerNumbers' }),
  numbered('testCase', { scope: 'projectId', number: 'number', formerNumbers: 'formerNumbers' }),
];

/**
 * Fields sync itself derives from others: they end the same on every device, so two values of
 * one are never a conflict for a person to settle (WritePath.findConflicts leaves them out).
 */
export function derivedBySync(entity: string, field: string): boolean {
  return NUMBERED.some((n) => n.entity === entity && (n.number === field || n.formerNumbers === field));
}

/** One row of a scope as the rule reads it. */
export interface NumberedRow {
  id: string;
  number: number;
  formerNumbers: readonly number[];
}

/** A number sync gives a row, with the numbers the row had before (its old one last). */
export interface Renumbering {
  id: string;
  from: number;
  number: number;
  formerNumbers: number[];
}

/**
 * The rule, for the rows of one scope (removed ones included: their numbers stay theirs). Among
 * rows sharing a number, the one made first keeps it; every later one, in the order they were
 * made, takes the next number above every number the scope has had (current or former) and keeps
 * its old one. `created` (asked only for rows that share a number) is the stamp of the row's first
 * change: stamps order changes across devices, the device id breaking ties.
 */
export function renumber(rows: readonly NumberedRow[], created: (id: string) => string): Renumbering[] {
  let highest = 0;
  const byNumber = new Map<number, NumberedRow[]>();
  for (const row of rows) {
    highest = Math.max(highest, row.number, ...row.formerNumbers);
    const same = byNumber.get(row.number);
    if (same) same.push(row);
    else byNumber.set(row.number, [row]);
  }
  // Stamps and ids compare as plain strings: a stamp's text order is its time order.
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const madeFirst = (a: NumberedRow, b: NumberedRow) => order(created(a.id), created(b.id)) || order(a.id, b.id);
  const later = [...byNumber.values()].filter((same) => same.length > 1).flatMap((same) => same.sort(madeFirst).slice(1));
  return later.sort(madeFirst).map((row) => ({
    id: row.id,
    from: row.number,
    number: ++highest,
    formerNumbers: [...row.formerNumbers.filter((n) => n !== row.number), row.number],
  }));
}

/** The declared columns of a numbered entity. */
function columnsOf(entry: NumberedEntity) {
  const table: SQLiteTable = ENTITIES[entry.entity];
  const columns: Record<string, SQLiteColumn> = getTableColumns(table);
  const column = (field: string): SQLiteColumn => {
    const found = columns[field];
    if (!found) throw new Error(`${entry.entity} has no field ${field}`);
    return found;
  };
  return { table, id: column('id'), scope: column(entry.scope), number: column(entry.number), formerNumbers: column(entry.formerNumbers) };
}

/** The numbers a row had before, as stored (a JSON array of integers). */
function parseFormer(text: string): number[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value.filter((n): n is number => Number.isSafeInteger(n)) : [];
}

function entryOf(entity: EntityName): NumberedEntity {
  const entry = NUMBERED.find((n) => n.entity === entity);
  if (!entry) throw new Error(`${entity} is not numbered per scope`);
  return entry;
}

/**
 * The next number of a scope: above every number its rows have or had, removed rows included, so
 * that no number ever names a second row. Callers write in an IMMEDIATE transaction, so two
 * processes on one file cannot both read the same highest number. Each numbered table has an index
 * on scope and number, and a partial one on scope over the rows with former numbers.
 */
export function nextFreeNumber(store: Store, entity: EntityName, scope: string): number {
  const c = columnsOf(entryOf(entity));
  const current = store.orm.select({ n: sql<number | null>`max(${c.number})` }).from(c.table).where(eq(c.scope, scope)).get()?.n;
  const former = store.orm
    .select({ n: sql<number | null>`max((SELECT max(value) FROM json_each(${c.formerNumbers})))` })
    .from(c.table)
    // Written out as the partial index says it, so that the index is used.
    .where(and(eq(c.scope, scope), sql`${c.formerNumbers} <> '[]'`))
    .get()?.n;
  return Math.max(current ?? 0, former ?? 0) + 1;
}

/** The renumberings one entity needs, every scope of it. */
function renumberingsOf(store: Store, entry: NumberedEntity): Renumbering[] {
  const c = columnsOf(entry);
  // Rows whose number (or scope) has not arrived yet take part once it has.
  const rows = store.orm
    .select({ id: sql<string>`${c.id}`, scope: sql<string>`${c.scope}`, number: sql<number>`${c.number}`, formerNumbers: sql<string>`${c.formerNumbers}` })
    .from(c.table)
    .where(and(gt(c.number, 0), ne(c.scope, '')))
    .all();
  const scopes = new Map<string, NumberedRow[]>();
  for (const row of rows) {
    const scope = scopes.get(row.scope) ?? [];
    scope.push({ id: row.id, number: row.number, formerNumbers: parseFormer(row.formerNumbers) });
    scopes.set(row.scope, scope);
  }
  const stamps = new Map<string, string>();
  const created = (id: string): string => {
    let stamp = stamps.get(id);
    if (stamp === undefined) {
      stamp = store.orm.select({ stamp: min(changeLog.stamp) }).from(changeLog).where(and(eq(changeLog.entity, entry.entity), eq(changeLog.rowId, id))).get()?.stamp ?? '';
      stamps.set(id, stamp);
    }
    return stamp;
  };
  return [...scopes.values()].flatMap((scope) => renumber(scope, created));
}

/**
 * Gives every row that shares its scope's number with a row made before it the next free number,
 * written as this device's own changes. Sync calls it once others' changes are in.
 */
export function renumberClashes(store: Store): void {
  // One transaction: another process on this file (the command line) cannot number an item meanwhile.
  store.transaction(() => {
    for (const entry of NUMBERED) {
      const changes: FieldChange[] = renumberingsOf(store, entry).flatMap((r) => [
        { entity: entry.entity, id: r.id, field: entry.number, value: r.number },
        { entity: entry.entity, id: r.id, field: entry.formerNumbers, value: JSON.stringify(r.formerNumbers) },
      ]);
      // A closed project's numbers must agree with the other devices' too.
      store.apply(changes, { evenIfClosed: true });
    }
  });
}
