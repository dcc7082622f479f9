// Statements of work in versions, and their deliverables, milestones, roles, effort lines and
// payment schedule. Amounts are integers of the currency's minor unit, days hundredths of a day,
// shares basis points (shared/money.ts).
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { SIDES } from '../../../../shared/domain.ts';
import { CURRENCIES } from '../../../../shared/money.ts';
import { EXPENSE_MODES, PAYMENT_MODES, SOW_STATUSES } from '../../../../shared/sows/types.ts';
import { deleted, id } from './columns.ts';

export const sow = sqliteTable('sow', {
  id: id(),
  projectId: text('project_id').notNull().default(''),
  // Only the first version of a series carries the number (later ones 0, and read it from there):
  // renumbering after a sync (sync/numbers.ts) then sees one row per SOW.
  number: integer('number').notNull().default(0),
  seriesId: text('series_id').notNull().default(''),
  version: integer('version').notNull().default(1),
  copiedFrom: text('copied_from'),
  title: text('title').notNull().default(''),
  status: text('status', { enum: SOW_STATUSES }).notNull().default('draft'),
  frameworkAgreement: text('framework_agreement').notNull().default(''),
  date: text('date'),
  currency: text('currency', { enum: CURRENCIES }).notNull().default('EUR'),
  background: text('background').notNull().default(''),
  objectives: text('objectives').notNull().default(''),
  scopeIn: text('scope_in').notNull().default(''),
  scopeOut: text('scope_out').notNull().default(''),
  acceptanceProcedure: text('acceptance_procedure').notNull().default(''),
  assumptions: text('assumptions').notNull().default(''),
  dependencies: text('dependencies').notNull().default(''),
  changeControl: text('change_control').notNull().default(''),
  validUntil: text('valid_until'),
  discountBasisPoints: integer('discount_basis_points').notNull().default(0),
  expensesMode: text('expenses_mode', { enum: EXPENSE_MODES }).notNull().default('none'),
  expensesMinor: integer('expenses_minor').notNull().default(0),
  expensesTrips: integer('expenses_trips').notNull().default(0),
  paymentMode: text('payment_mode', { enum: PAYMENT_MODES }).notNull().default('milestone'),
  customerParty: text('customer_party').notNull().default(''),
  consultancyParty: text('consultancy_party').notNull().default(''),
  sentOn: text('sent_on'),
  sentBy: text('sent_by').notNull().default(''),
  customerSignedBy: text('customer_signed_by').notNull().default(''),
  customerSignedOn: text('customer_signed_on'),
  consultancySignedBy: text('consultancy_signed_by').notNull().default(''),
  consultancySignedOn: text('consultancy_signed_on'),
  rejectedOn: text('rejected_on'),
  rejectedBy: text('rejected_by').notNull().default(''),
  rejectionReason: text('rejection_reason').notNull().default(''),
  supersededOn: text('superseded_on'),
  supersededById: text('superseded_by_id'),
  createdAt: text('created_at').notNull().default(''),
  deleted: deleted(),
  // The numbers sync took from the series because another SOW had them first, oldest first.
  formerNumbers: text('former_numbers', { mode: 'json' }).notNull().$type<number[]>().default([]),
});

/** What every child of an SOW has: its SOW, its place, and the item of the first version it was copied from. */
const child = () => ({
  id: id(),
  sowId: text('sow_id').notNull().default(''),
  position: integer('position').notNull().default(0),
  originId: text('origin_id').notNull().default(''),
});

export const sowDeliverable = sqliteTable('sow_deliverable', {
  ...child(),
  title: text('title').notNull().default(''),
  acceptanceCriteria: text('acceptance_criteria').notNull().default(''),
  dueDate: text('due_date'),
  deleted: deleted(),
});

export const sowMilestone = sqliteTable('sow_milestone', {
  ...child(),
  title: text('title').notNull().default(''),
  dueDate: text('due_date'),
  deleted: deleted(),
});

export const sowRole = sqliteTable('sow_role', {
  ...child(),
  side: text('side', { enum: SIDES }).notNull().default('consultancy'),
  role: text('role').notNull().default(''),
  responsibilities: text('responsibilities').notNull().default(''),
  deleted: deleted(),
});

export const sowEffortLine = sqliteTable('sow_effort_line', {
  ...child(),
  role: text('role').notNull().default(''),
  description: text('description').notNull().default(''),
  dayHundredths: integer('day_hundredths').notNull().default(0),
  rateMinor: integer('rate_minor').notNull().default(0),
  deleted: deleted(),
});

export const sowPayment = sqliteTable('sow_payment', {
  ...child(),
  label: text('label').notNull().default(''),
  percentBasisPoints: integer('percent_basis_points').notNull().default(0),
  milestoneId: text('milestone_id'),
  dueDate: text('due_date'),
  deleted: deleted(),
});
