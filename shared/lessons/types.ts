// Lessons learned and the internal retrospective of a project: the customer's feedback (the
// pack's questions, each scored 1 to 5 with a comment, given in a closing meeting), the
// consultants' own notes, what went well and what to improve, and actions with an owner and a due
// date. An action with a follow-up project is a checklist item there (one record each, linked both
// ways); without one it stays a note of the retrospective.
import type { Localized } from '../workshops/pack.ts';

/** The meetings customer feedback can be given in: the ones that close a project. */
export const CLOSING_MEETING_KINDS = ['approval_review', 'handover', 'retrospective'] as const;

export const NOTE_KINDS = ['personal', 'went_well', 'to_improve'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export interface FeedbackAnswer {
  questionKey: string;
  question: Localized;
  /** 1 (poor) to 5 (very good); null while not given. */
  score: number | null;
  comment: string;
}

export interface LessonNote {
  id: string;
  kind: NoteKind;
  text: string;
  /** Who wrote it: one of the project's people. */
  authorId: string | null;
  createdAt: string;
}

export interface RetroAction {
  id: string;
  text: string;
  /** A person of the consultancy side on the project. */
  ownerId: string | null;
  dueDate: string | null;
  /** The consultancy's own follow-up project the action went to; null: a note of the retrospective. */
  followUp: { projectId: string; projectName: string; requirementId: string; number: number } | null;
  createdAt: string;
}

export interface LessonsDetail {
  projectId: string;
  /** The closing meeting the feedback was given in, if recorded. */
  feedbackMeetingId: string | null;
  /** Who gave the feedback for the customer, in words. */
  feedbackBy: string;
  /** Every question of the project's pack, answered or not, in the pack's order. */
  feedback: FeedbackAnswer[];
  average: number | null;
  notes: LessonNote[];
  actions: RetroAction[];
}

/** Where a checklist item came from, when it is a retrospective's action. */
export interface ActionOrigin {
  actionId: string;
  projectId: string;
  projectName: string;
}
