// Sync's bookkeeping, which never travels: which change files of the share this database has
// applied, and others' changes it keeps back (for a schema it does not know yet, or stamped too far
// in the future) until it can apply them. Written by the write path only.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { FieldValue } from '../entities.ts';

export const syncFile = sqliteTable('sync_file', {
  // The file's identity: the hash its name carries (a sync client's conflicted copy has the same).
  hash: text('hash').primaryKey(),
  device: text('device').notNull(),
  firstStamp: text('first_stamp').notNull(),
  lastStamp: text('last_stamp').notNull(),
  count: integer('count').notNull(),
  appliedAt: text('applied_at').notNull(),
});

export const syncParked = sqliteTable('sync_parked', {
  stamp: text('stamp').primaryKey(),
  deviceId: text('device_id').notNull(),
  entity: text('entity').notNull(),
  rowId: text('row_id').notNull(),
  field: text('field').notNull(),
  value: text('value', { mode: 'json' }).notNull().$type<FieldValue>(),
  schemaVersion: integer('schema_version').notNull(),
  /** 'schema': an entity or field this version does not know; 'clock': stamped more than a day ahead. */
  reason: text('reason', { enum: ['schema', 'clock'] }).notNull(),
});
