// The tables that are not entities: the installation's bookkeeping (device id, clock) and the
// change log, which only the write path appends to.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { FieldValue } from '../entities.ts';

export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const changeLog = sqliteTable('change_log', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  // The change's id: unique across devices.
  stamp: text('stamp').notNull().unique(),
  deviceId: text('device_id').notNull(),
  entity: text('entity').notNull(),
  rowId: text('row_id').notNull(),
  field: text('field').notNull(),
  value: text('value', { mode: 'json' }).notNull().$type<FieldValue>(),
  schemaVersion: integer('schema_version').notNull(),
});
