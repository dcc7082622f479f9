// The handover to support: one row per project (its id the project's), and who is in charge after it.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { TICKET_RESULTS } from '../../../../shared/handover/types.ts';
import { deleted, id } from './columns.ts';

export const handover = sqliteTable('handover', {
  id: id(),
  projectId: text('project_id').notNull().default(''),
  knownLimitations: text('known_limitations').notNull().default(''),
  ticketTestBy: text('ticket_test_by').notNull().default(''),
  ticketTestOn: text('ticket_test_on'),
  ticketNumber: text('ticket_number').notNull().default(''),
  // '' until the support ticket process was tested.
  ticketResult: text('ticket_result').notNull().default('').$type<(typeof TICKET_RESULTS)[number] | ''>(),
  ticketNotes: text('ticket_notes').notNull().default(''),
  acceptanceStatement: text('acceptance_statement').notNull().default(''),
  acceptedOn: text('accepted_on'),
  acceptedBy: text('accepted_by').notNull().default(''),
  deleted: deleted(),
});

export const handoverContact = sqliteTable('handover_contact', {
  id: id(),
  projectId: text('project_id').notNull().default(''),
  personId: text('person_id').notNull().default(''),
  level: integer('level').notNull().default(1),
  responsibility: text('responsibility').notNull().default(''),
  reach: text('reach').notNull().default(''),
  deleted: deleted(),
});
