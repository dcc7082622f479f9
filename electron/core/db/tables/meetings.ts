// Meetings with attendees, agenda items and their decisions, and what a status call did with
// each checklist item. Action items are checklist items (./checklist.ts).
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { MEETING_KINDS, PRESENCES, PREVIOUS_MINUTES, REVIEW_OUTCOMES, type ReviewChange, type TrainingAudience } from '../../../../shared/meetings/types.ts';
import { deleted, id } from './columns.ts';

export const meeting = sqliteTable('meeting', {
  id: id(),
  projectId: text('project_id').notNull().default(''),
  kind: text('kind', { enum: MEETING_KINDS }).notNull().default('other'),
  title: text('title').notNull().default(''),
  startsAt: text('starts_at'),
  durationMinutes: integer('duration_minutes'),
  place: text('place').notNull().default(''),
  chairId: text('chair_id'),
  minuteTakerId: text('minute_taker_id'),
  previousMinutes: text('previous_minutes', { enum: PREVIOUS_MINUTES }).notNull().default('none'),
  previousMinutesNote: text('previous_minutes_note').notNull().default(''),
  // Workshop topics the meeting covered.
  topicKeys: text('topic_keys', { mode: 'json' }).notNull().$type<string[]>().default([]),
  nextMeetingAt: text('next_meeting_at'),
  nextMeetingNote: text('next_meeting_note').notNull().default(''),
  createdAt: text('created_at').notNull().default(''),
  deleted: deleted(),
  // A training's parts; the lists are edited as wholes (ticked, added, removed): one value each.
  trainingAudience: text('training_audience', { mode: 'json' }).notNull().$type<TrainingAudience[]>().default([]),
  trainingAudienceOther: text('training_audience_other').notNull().default(''),
  trainerId: text('trainer_id'),
  trainingTopicKeys: text('training_topic_keys', { mode: 'json' }).notNull().$type<string[]>().default([]),
  trainingCustomTopics: text('training_custom_topics', { mode: 'json' }).notNull().$type<string[]>().default([]),
});

// Its id is the meeting's and the person's: two laptops marking the same person write one row.
export const meetingAttendee = sqliteTable('meeting_attendee', {
  id: id(),
  meetingId: text('meeting_id').notNull().default(''),
  personId: text('person_id').notNull().default(''),
  presence: text('presence', { enum: PRESENCES }).notNull().default('present'),
  deleted: deleted(),
});

export const agendaItem = sqliteTable('agenda_item', {
  id: id(),
  meetingId: text('meeting_id').notNull().default(''),
  position: integer('position').notNull().default(0),
  title: text('title').notNull().default(''),
  notes: text('notes').notNull().default(''),
  deleted: deleted(),
});

export const agendaDecision = sqliteTable('agenda_decision', {
  id: id(),
  meetingId: text('meeting_id').notNull().default(''),
  agendaItemId: text('agenda_item_id').notNull().default(''),
  text: text('text').notNull().default(''),
  createdAt: text('created_at').notNull().default(''),
  deleted: deleted(),
});

// Its id is the meeting's and the checklist item's.
export const meetingReview = sqliteTable('meeting_review', {
  id: id(),
  meetingId: text('meeting_id').notNull().default(''),
  requirementId: text('requirement_id').notNull().default(''),
  outcome: text('outcome', { enum: REVIEW_OUTCOMES }).notNull().default('reviewed'),
  changes: text('changes', { mode: 'json' }).notNull().$type<ReviewChange[]>().default([]),
  reviewedAt: text('reviewed_at').notNull().default(''),
  deleted: deleted(),
});

// A training's material: a file (its bytes base64 in the row, as test evidence) or a link.
export const trainingMaterial = sqliteTable('training_material', {
  id: id(),
  meetingId: text('meeting_id').notNull().default(''),
  name: text('name').notNull().default(''),
  link: text('link').notNull().default(''),
  mediaType: text('media_type').notNull().default(''),
  bytes: integer('bytes').notNull().default(0),
  data: text('data').notNull().default(''),
  createdAt: text('created_at').notNull().default(''),
  deleted: deleted(),
});

// Its id is the meeting's and the attendee's: one row per attendee on every device.
export const trainingFeedback = sqliteTable('training_feedback', {
  id: id(),
  meetingId: text('meeting_id').notNull().default(''),
  personId: text('person_id').notNull().default(''),
  score: integer('score'),
  comment: text('comment').notNull().default(''),
  deleted: deleted(),
});
