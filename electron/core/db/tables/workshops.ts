// Workshops: imported template packs, sessions with their answers, open questions, decisions and
// the hardware sizing. A JSON column is one field: a change replaces its whole text.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { AnswerValue } from '../../../../shared/workshops/answers.ts';
import type { SizingResult } from '../../../../shared/workshops/sizing.ts';
import { QUESTION_STATUSES } from '../../../../shared/workshops/types.ts';
import { deleted, id } from './columns.ts';

export const templatePack = sqliteTable('template_pack', {
  id: id(),
  packId: text('pack_id').notNull().default(''),
  version: integer('version').notNull().default(0),
  // The pack's JSON as imported, kept as text: the pack checker reads it with line and column.
  content: text('content').notNull().default(''),
  importedAt: text('imported_at').notNull().default(''),
  deleted: deleted(),
});

export const workshopSession = sqliteTable('workshop_session', {
  id: id(),
  projectId: text('project_id').notNull().default(''),
  topicKey: text('topic_key').notNull().default(''),
  packId: text('pack_id').notNull().default(''),
  packVersion: integer('pack_version').notNull().default(0),
  date: text('date'),
  // Person ids.
  attendees: text('attendees', { mode: 'json' }).notNull().$type<string[]>().default([]),
  notes: text('notes').notNull().default(''),
  createdAt: text('created_at').notNull().default(''),
  deleted: deleted(),
});

export const answer = sqliteTable('answer', {
  id: id(),
  sessionId: text('session_id').notNull().default(''),
  fieldKey: text('field_key').notNull().default(''),
  value: text('value', { mode: 'json' }).notNull().$type<AnswerValue>().default(null),
  deleted: deleted(),
});

export const openQuestion = sqliteTable('open_question', {
  id: id(),
  projectId: text('project_id').notNull().default(''),
  sessionId: text('session_id'),
  topicKey: text('topic_key').notNull().default(''),
  text: text('text').notNull().default(''),
  ownerId: text('owner_id'),
  dueDate: text('due_date'),
  status: text('status', { enum: QUESTION_STATUSES }).notNull().default('open'),
  answer: text('answer').notNull().default(''),
  createdAt: text('created_at').notNull().default(''),
  deleted: deleted(),
});

export const decision = sqliteTable('decision', {
  id: id(),
  projectId: text('project_id').notNull().default(''),
  sessionId: text('session_id'),
  topicKey: text('topic_key').notNull().default(''),
  // The answer (field of the decision's topic) the decision changes, where it changes one.
  fieldKey: text('field_key'),
  text: text('text').notNull().default(''),
  createdAt: text('created_at').notNull().default(''),
  deleted: deleted(),
});

// Its id is the project's.
export const sizing = sqliteTable('sizing', {
  id: id(),
  projectId: text('project_id').notNull().default(''),
  // Unknown until checked against the sizing schema: a later version may no longer accept it.
  input: text('input', { mode: 'json' }).notNull().default({}),
  // As computed when saved. Results saved before the steps were written in each language carry
  // one text per step (getSizing writes those steps anew).
  result: text('result', { mode: 'json' }).notNull().default({}).$type<SizingResult>(),
  updatedAt: text('updated_at').notNull().default(''),
  deleted: deleted(),
});
