// Each device introduces itself once (user and machine name), so that a history can say who
// changed what on which machine; the consultant's profile is on the same row.
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { deleted, id } from './columns.ts';

export const device = sqliteTable('device', {
  id: id(),
  userName: text('user_name').notNull().default(''),
  hostName: text('host_name').notNull().default(''),
  personName: text('person_name').notNull().default(''),
  email: text('email').notNull().default(''),
  role: text('role').notNull().default(''),
  /** The shared folder this installation syncs with, as its own path to it ('' while none). */
  sharePath: text('share_path').notNull().default(''),
  deleted: deleted(),
});
