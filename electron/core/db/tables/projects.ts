// Customers, their projects with the activity checklist, and the people on them.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ACTIVITY_STATUSES, GATE_DECISIONS, PHASES, PROJECT_STATUSES, SIDES, type TrafficLight } from '../../../../shared/domain.ts';
import { deleted, id } from './columns.ts';

export const customer = sqliteTable('customer', {
  id: id(),
  name: text('name').notNull().default(''),
  address: text('address').notNull().default(''),
  notes: text('notes').notNull().default(''),
  logo: text('logo'),
  archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull().default(''),
  deleted: deleted(),
});

export const project = sqliteTable('project', {
  id: id(),
  customerId: text('customer_id').notNull().default(''),
  name: text('name').notNull().default(''),
  product: text('product').notNull().default(''),
  productVersion: text('product_version').notNull().default(''),
  description: text('description').notNull().default(''),
  startDate: text('start_date'),
  targetDate: text('target_date'),
  mailboxes: integer('mailboxes'),
  concurrentSessions: integer('concurrent_sessions'),
  status: text('status', { enum: PROJECT_STATUSES }).notNull().default('active'),
  phase: text('phase', { enum: PHASES }).notNull().default('initialization'),
  processTemplate: text('process_template').notNull().default(''),
  packId: text('pack_id').notNull().default('ox-app-suite'),
  gateDecision: text('gate_decision', { enum: GATE_DECISIONS }).notNull().default('pending'),
  gateDate: text('gate_date'),
  gateDecidedBy: text('gate_decided_by').notNull().default(''),
  gateRationale: text('gate_rationale').notNull().default(''),
  gateConditions: text('gate_conditions').notNull().default(''),
  statusSummary: text('status_summary').notNull().default(''),
  statusRisks: text('status_risks').notNull().default(''),
  // '' while the computed light stands.
  statusLight: text('status_light').notNull().default('').$type<TrafficLight | ''>(),
  statusLightReason: text('status_light_reason').notNull().default(''),
  createdAt: text('created_at').notNull().default(''),
  // Set while the project is closed (read-only until reopened).
  closedOn: text('closed_on'),
  closedBy: text('closed_by').notNull().default(''),
  deleted: deleted(),
});

export const activity = sqliteTable('activity', {
  id: id(),
  projectId: text('project_id').notNull().default(''),
  phase: text('phase', { enum: PHASES }).notNull().default('initialization'),
  templateKey: text('template_key'),
  parentKey: text('parent_key'),
  title: text('title').notNull().default(''),
  position: integer('position').notNull().default(0),
  status: text('status', { enum: ACTIVITY_STATUSES }).notNull().default('open'),
  date: text('date'),
  note: text('note').notNull().default(''),
  deleted: deleted(),
});

export const person = sqliteTable('person', {
  id: id(),
  name: text('name').notNull().default(''),
  organisation: text('organisation').notNull().default(''),
  side: text('side', { enum: SIDES }).notNull().default('customer'),
  email: text('email').notNull().default(''),
  phone: text('phone').notNull().default(''),
  deleted: deleted(),
});

export const membership = sqliteTable('membership', {
  id: id(),
  projectId: text('project_id').notNull().default(''),
  personId: text('person_id').notNull().default(''),
  role: text('role').notNull().default(''),
  responsibilities: text('responsibilities').notNull().default(''),
  deleted: deleted(),
});
