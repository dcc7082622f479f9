// Reads go straight to the tables, through drizzle's query builder on the declarations
// (./tables/): columns come back under their field names, booleans as booleans and JSON parsed,
// typed as declared. The handle can only select; every write goes through the write path.
import type Database from 'better-sqlite3';
import { and, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';

/** Drizzle over the store's connection, with its select methods only. */
export type Reader = Pick<BetterSQLite3Database, 'select' | 'selectDistinct'>;

export function openReader(db: Database.Database): Reader {
  return drizzle({ client: db });
}

type EntityTable = SQLiteTable & { id: SQLiteColumn; deleted: SQLiteColumn };

/** An entity's columns but its tombstone: what a read of live rows selects. */
export function fieldsOf<T extends EntityTable>(table: T): Omit<T['_']['columns'], 'deleted'> {
  const { deleted: _deleted, ...fields } = getTableColumns(table);
  return fields;
}

/** Rows not deleted. */
export function live(table: EntityTable): SQL {
  return eq(table.deleted, false);
}

/** The row with this id, unless deleted. */
export function liveRow(table: EntityTable, id: string): SQL | undefined {
  return and(eq(table.id, id), live(table));
}

/** Names sorted as people sort them: "alpha" before "Zed". */
export function byName(column: SQLiteColumn): SQL {
  return sql`${column} COLLATE NOCASE`;
}
