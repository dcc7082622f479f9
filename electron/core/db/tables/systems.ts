// The installed systems: environments per project, hosts per environment, and per host its
// software and network endpoints. Every row names its project, so that reads and the closed
// project's guard find it in one step.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { EnvironmentKind, HostRole, Operator } from '../../../../shared/systems/types.ts';
import { deleted, id } from './columns.ts';

export const systemEnvironment = sqliteTable('system_environment', {
  id: id(),
  projectId: text('project_id').notNull().default(''),
  kind: text('kind').notNull().default('test').$type<EnvironmentKind>(),
  name: text('name').notNull().default(''),
  notes: text('notes').notNull().default(''),
  createdAt: text('created_at').notNull().default(''),
  deleted: deleted(),
});

export const systemHost = sqliteTable('system_host', {
  id: id(),
  projectId: text('project_id').notNull().default(''),
  environmentId: text('environment_id').notNull().default(''),
  name: text('name').notNull().default(''),
  addresses: text('addresses').notNull().default(''),
  role: text('role').notNull().default('other').$type<HostRole>(),
  operatingSystem: text('operating_system').notNull().default(''),
  cpuCores: integer('cpu_cores'),
  ramGb: integer('ram_gb'),
  diskGb: integer('disk_gb'),
  // '' while nobody said who operates it.
  operator: text('operator').notNull().default('').$type<Operator | ''>(),
  notes: text('notes').notNull().default(''),
  // The workshop topic (or 'sizing') a prefilled host came from; '' for one typed or imported.
  source: text('source').notNull().default(''),
  // The order hosts were added in, so that a list imported within one millisecond keeps its order.
  position: integer('position').notNull().default(0),
  createdAt: text('created_at').notNull().default(''),
  deleted: deleted(),
});

export const systemComponent = sqliteTable('system_component', {
  id: id(),
  projectId: text('project_id').notNull().default(''),
  hostId: text('host_id').notNull().default(''),
  name: text('name').notNull().default(''),
  version: text('version').notNull().default(''),
  configLocation: text('config_location').notNull().default(''),
  createdAt: text('created_at').notNull().default(''),
  deleted: deleted(),
});

export const systemEndpoint = sqliteTable('system_endpoint', {
  id: id(),
  projectId: text('project_id').notNull().default(''),
  hostId: text('host_id').notNull().default(''),
  protocol: text('protocol').notNull().default(''),
  port: integer('port').notNull().default(443),
  purpose: text('purpose').notNull().default(''),
  createdAt: text('created_at').notNull().default(''),
  deleted: deleted(),
});
