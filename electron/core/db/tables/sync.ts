// Sync's bookkeeping, which never travels: which change files of the share this database has
// applied, others' changes it keeps back (for a schema it does not know yet, or stamped too far in
// the future) until it can apply them, and the conflicts the change log holds. Written by the write
// path only.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { CONFLICT_CHOICES } from '../../../../shared/sync.ts';
import { deleted, id } from './columns.ts';
import type { FieldValue } from '../entities.ts';

export const syncFile = sqliteTable('sync_file', {
  // The file's identity: the hash its name carries (a sync client's conflicted copy has the same).
  hash: text('hash').primaryKey(),
  device: text('device').notNull(),
  /** The file's place among its writer's change files, from 1; 0 for one recorded before files were numbered. */
  number: integer('number').notNull().default(0),
  firstStamp: text('first_stamp').notNull(),
  lastStamp: text('last_stamp').notNull(),
  count: integer('count').notNull(),
  knows: text('knows', { mode: 'json' }).notNull().default({}).$type<Record<string, string>>(),
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

export const syncConflict = sqliteTable('sync_conflict', {
  stamp: text('stamp').primaryKey(),
  entity: text('entity').notNull(),
  rowId: text('row_id').notNull(),
  field: text('field').notNull(),
  winner: text('winner').notNull(),
});

/** An entity: a person's answer to a conflict (id: the losing change's stamp), which syncs. */
export const conflictResolution = sqliteTable('conflict_resolution', {
  id: id(),
  kept: text('kept', { enum: CONFLICT_CHOICES }).notNull().default('current'),
  deleted: deleted(),
});
