// Meetings and their minutes: who came, what was discussed under which agenda item, what was
// decided and who does what by when (action items are checklist items), and for a weekly status
// call the checklist items it went through.
import type { Requirement } from '../checklist/types.ts';

export const MEETING_KINDS = [
  'technical_demo',
  'workshop',
  'status_call',
  'training',
  'approval_review',
  'handover',
  'retrospective',
  'other',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const PRESENCES = ['present', 'apologies'] as const;
export type Presence = (typeof PRESENCES)[number];

/** Who a training is for; "other" is said in words beside it. */
export const TRAINING_AUDIENCES = ['admins', 'first_level', 'other'] as const;
export type TrainingAudience = (typeof TRAINING_AUDIENCES)[number];

export const PREVIOUS_MINUTES = ['none', 'approved', 'approved_with_changes', 'not_approved'] as const;
export type PreviousMinutes = (typeof PREVIOUS_MINUTES)[number];

export interface Meeting {
  id: string;
  projectId: string;
  kind: MeetingKind;
  title: string;
  /** Local date and time, `YYYY-MM-DDTHH:MM`. */
  startsAt: string | null;
  durationMinutes: number | null;
  /** A room or address, or a call link. */
  place: string;
  chairId: string | null;
  minuteTakerId: string | null;
  previousMinutes: PreviousMinutes;
  previousMinutesNote: string;
  /** Workshop topics a workshop meeting covered. */
  topicKeys: string[];
  nextMeetingAt: string | null;
  nextMeetingNote: string;
  createdAt: string;
  /** A training's parts (kept when the kind changes, shown while it is a training). */
  trainingAudience: TrainingAudience[];
  trainingAudienceOther: string;
  trainerId: string | null;
  /** Topics from the pack's training topics, by key. */
  trainingTopicKeys: string[];
  /** Topics the consultant added in words. */
  trainingCustomTopics: string[];
}

export interface Attendee {
  personId: string;
  presence: Presence;
}

export interface AgendaDecision {
  id: string;
  agendaItemId: string;
  text: string;
}

export interface AgendaItem {
  id: string;
  meetingId: string;
  position: number;
  title: string;
  notes: string;
  decisions: AgendaDecision[];
  /** Action items: checklist items recorded under this agenda item. */
  actions: Requirement[];
}

export const REVIEW_OUTCOMES = ['reviewed', 'changed', 'added'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export interface ReviewChange {
  field: string;
  from: string | null;
  to: string | null;
}

/** What a status call did with one checklist item: looked at it, changed it, or added it. */
export interface ReviewedItem {
  requirementId: string;
  number: number;
  title: string;
  outcome: ReviewOutcome;
  changes: ReviewChange[];
}

/** Material of a training: a file kept in the database, or a link. */
export interface TrainingMaterial {
  id: string;
  name: string;
  /** The address of a linked material; '' for a file. */
  link: string;
  /** The file's type and size; '' and 0 for a link. */
  mediaType: string;
  bytes: number;
  createdAt: string;
}

export interface TrainingMaterialFile extends TrainingMaterial {
  dataUrl: string;
}

/** What one attendee thought of a training: a score of 1 (poor) to 5 (very good) and a comment. */
export interface TrainingFeedback {
  personId: string;
  score: number | null;
  comment: string;
}

export interface MeetingDetail {
  meeting: Meeting;
  attendees: Attendee[];
  agenda: AgendaItem[];
  review: ReviewedItem[];
  /** A training's materials and feedback (empty for other meetings). */
  materials: TrainingMaterial[];
  feedback: TrainingFeedback[];
}

export interface MeetingSummary {
  id: string;
  kind: MeetingKind;
  title: string;
  startsAt: string | null;
  decisions: number;
  actions: number;
}
