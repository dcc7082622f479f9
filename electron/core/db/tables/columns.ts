// The two columns every entity has. Its id is the row's key, not a field a change can set. The
// tombstone: a delete is the change `deleted = true`, never a missing row, so that it travels
// through the change log like any other change.
import { integer, text } from 'drizzle-orm/sqlite-core';

export const id = () => text('id').primaryKey();
export const deleted = () => integer('deleted', { mode: 'boolean' }).notNull().default(false);
