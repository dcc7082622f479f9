// Lessons learned and the retrospective (shared/lessons/types.ts). Entities:
//   lessons        — one row per project (its id the project's): the meeting the customer's
//                    feedback was given in and who gave it
//   lessonFeedback — one answer per question (id `${projectId}/${questionKey}`): score and comment
//   lessonNote     — a consultant's own note, or what went well / what to improve
//   retroAction    — an action with owner and due date; requirementId names the checklist item it
//                    became in the follow-up project, if it went to one
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { NOTE_KINDS } from '../../../../shared/lessons/types.ts';
import { deleted, id } from './columns.ts';

export const lessons = sqliteTable('lessons', {
  id: id(),
  projectId: text('project_id').notNull().default(''),
  feedbackMeetingId: text('feedback_meeting_id'),
  feedbackBy: text('feedback_by').notNull().default(''),
  deleted: deleted(),
});

export const lessonFeedback = sqliteTable('lesson_feedback', {
  id: id(),
  projectId: text('project_id').notNull().default(''),
  questionKey: text('question_key').notNull().default(''),
  score: integer('score'),
  comment: text('comment').notNull().default(''),
  deleted: deleted(),
});

export const lessonNote = sqliteTable('lesson_note', {
  id: id(),
  projectId: text('project_id').notNull().default(''),
  kind: text('kind', { enum: NOTE_KINDS }).notNull().default('personal'),
  text: text('text').notNull().default(''),
  authorId: text('author_id'),
  createdAt: text('created_at').notNull().default(''),
  deleted: deleted(),
});

export const retroAction = sqliteTable('retro_action', {
  id: id(),
  projectId: text('project_id').notNull().default(''),
  text: text('text').notNull().default(''),
  ownerId: text('owner_id'),
  dueDate: text('due_date'),
  followUpProjectId: text('follow_up_project_id'),
  requirementId: text('requirement_id'),
  createdAt: text('created_at').notNull().default(''),
  deleted: deleted(),
});
