// Change requests to SOWs, time entries, running timers and each project's budget setting. Days
// are hundredths of a day and amounts minor units (shared/money.ts), time quarter hours
// (shared/time/hours.ts). SOWs and their effort lines are named by the ids every version shares
// (the series id, the line's origin id), so that a new version of an SOW keeps its bookings.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { CHANGE_REQUEST_STATUSES, type EffortImpact } from '../../../../shared/change-requests/types.ts';
import { deleted, id } from './columns.ts';

export const changeRequest = sqliteTable('change_request', {
  id: id(),
  projectId: text('project_id').notNull().default(''),
  number: integer('number').notNull().default(0),
  title: text('title').notNull().default(''),
  description: text('description').notNull().default(''),
  reason: text('reason').notNull().default(''),
  requestedById: text('requested_by_id'),
  sowId: text('sow_id').notNull().default(''),
  // Days per role with the line and rate they were taken at, as one value: a change request's
  // impact is edited as a whole while it is proposed, and fixed once decided.
  effort: text('effort', { mode: 'json' }).notNull().$type<EffortImpact[]>().default([]),
  datesImpact: text('dates_impact').notNull().default(''),
  scopeImpact: text('scope_impact').notNull().default(''),
  status: text('status', { enum: CHANGE_REQUEST_STATUSES }).notNull().default('proposed'),
  decidedBy: text('decided_by').notNull().default(''),
  decidedOn: text('decided_on'),
  requirementId: text('requirement_id'),
  decisionId: text('decision_id'),
  createdAt: text('created_at').notNull().default(''),
  deleted: deleted(),
  // The numbers sync took from it because another change request had them first (sync/numbers.ts).
  formerNumbers: text('former_numbers', { mode: 'json' }).notNull().$type<number[]>().default([]),
});

export const timeEntry = sqliteTable('time_entry', {
  id: id(),
  projectId: text('project_id').notNull().default(''),
  date: text('date').notNull().default(''),
  personId: text('person_id').notNull().default(''),
  sowId: text('sow_id'),
  lineId: text('line_id'),
  activityId: text('activity_id'),
  quarterHours: integer('quarter_hours').notNull().default(0),
  billable: integer('billable', { mode: 'boolean' }).notNull().default(true),
  note: text('note').notNull().default(''),
  createdAt: text('created_at').notNull().default(''),
  deleted: deleted(),
});

/** A running timer: its start is stored, so it runs on while the app is closed. Stopped, it is removed and its time booked. */
export const timeTimer = sqliteTable('time_timer', {
  id: id(),
  projectId: text('project_id').notNull().default(''),
  personId: text('person_id').notNull().default(''),
  sowId: text('sow_id'),
  lineId: text('line_id'),
  activityId: text('activity_id'),
  billable: integer('billable', { mode: 'boolean' }).notNull().default(true),
  note: text('note').notNull().default(''),
  startedAt: text('started_at').notNull().default(''),
  deleted: deleted(),
});

/** A project's budget setting (its id is the project's): how many hours make a day, in quarter hours. */
export const budgetSetting = sqliteTable('budget_setting', {
  id: id(),
  projectId: text('project_id').notNull().default(''),
  quartersPerDay: integer('quarters_per_day').notNull().default(32),
  deleted: deleted(),
});
