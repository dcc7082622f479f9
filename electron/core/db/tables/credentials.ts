// Test accounts and credentials of a project, their secrets encrypted (secrets/cipher.ts), and the
// record of each time a secret was revealed or copied.
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { CREDENTIAL_ACCESSES } from '../../../../shared/credentials/types.ts';
import { deleted, id } from './columns.ts';

export const credential = sqliteTable('credential', {
  id: id(),
  projectId: text('project_id').notNull().default(''),
  service: text('service').notNull().default(''),
  // A host name or address as typed.
  host: text('host').notNull().default(''),
  userName: text('user_name').notNull().default(''),
  // The ciphertext only (v1.<keyId>.<iv>.<ciphertext>.<tag>); '' for an account without a secret.
  secret: text('secret').notNull().default(''),
  notes: text('notes').notNull().default(''),
  createdAt: text('created_at').notNull().default(''),
  deleted: deleted(),
});

export const credentialAccess = sqliteTable('credential_access', {
  id: id(),
  credentialId: text('credential_id').notNull().default(''),
  action: text('action', { enum: CREDENTIAL_ACCESSES }).notNull().default('revealed'),
  at: text('at').notNull().default(''),
  // Who, as this installation names its consultant, and on which device.
  by: text('by').notNull().default(''),
  deviceId: text('device_id').notNull().default(''),
  deleted: deleted(),
});
