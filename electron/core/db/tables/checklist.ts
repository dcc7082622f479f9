// The requirements checklist: items numbered per project, action items of meetings among them,
// and their comments.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { PRIORITIES, REQUIREMENT_SOURCES, REQUIREMENT_STATUSES } from '../../../../shared/checklist/types.ts';
import { PHASES, SIDES } from '../../../../shared/domain.ts';
import { deleted, id } from './columns.ts';

export const requirement = sqliteTable('requirement', {
  id: id(),
  projectId: text('project_id').notNull().default(''),
  number: integer('number').notNull().default(0),
  title: text('title').notNull().default(''),
  description: text('description').notNull().default(''),
  category: text('category').notNull().default(''),
  topicKey: text('topic_key'),
  phase: text('phase', { enum: PHASES }),
  ownerSide: text('owner_side', { enum: SIDES }),
  responsibleId: text('responsible_id'),
  dueDate: text('due_date'),
  status: text('status', { enum: REQUIREMENT_STATUSES }).notNull().default('open'),
  priority: text('priority', { enum: PRIORITIES }).notNull().default('normal'),
  source: text('source', { enum: REQUIREMENT_SOURCES }).notNull().default('manual'),
  // The meeting and agenda item of an action item.
  meetingId: text('meeting_id'),
  agendaItemId: text('agenda_item_id'),
  createdAt: text('created_at').notNull().default(''),
  deleted: deleted(),
  // The numbers sync took from the item because another item had them first ("was R-042"),
  // oldest first: search and the CSV import still find the item by them (sync/numbers.ts).
  formerNumbers: text('former_numbers', { mode: 'json' }).notNull().$type<number[]>().default([]),
});

export const requirementComment = sqliteTable('requirement_comment', {
  id: id(),
  requirementId: text('requirement_id').notNull().default(''),
  text: text('text').notNull().default(''),
  author: text('author').notNull().default(''),
  createdAt: text('created_at').notNull().default(''),
  deleted: deleted(),
});
