// What the workshop API returns. Pure types and constants.
import type { Phase } from '../domain.ts';
import type { AnswerValue, Answers } from './answers.ts';
import type { Completeness } from './completeness.ts';
import type { Contradiction } from './cross-checks.ts';
import type { CheckValue, Localized, Topic } from './pack.ts';
import type { SizingInput, SizingResult } from './sizing.ts';

/** The pack every new project uses: it ships with the app (resources/packs). */
export const DEFAULT_PACK_ID = 'ox-app-suite';

export interface PackSummary {
  id: string;
  version: number;
  name: Localized;
  description: Localized | null;
  topics: number;
  /** Shipped with the app, as opposed to imported by the consultancy. */
  builtIn: boolean;
  /** Every version this installation has, newest first. */
  versions: number[];
}

export const QUESTION_STATUSES = ['open', 'answered'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export interface OpenQuestion {
  id: string;
  projectId: string;
  sessionId: string | null;
  topicKey: string;
  text: string;
  ownerId: string | null;
  dueDate: string | null;
  status: QuestionStatus;
  answer: string;
  createdAt: string;
}

export interface Decision {
  id: string;
  projectId: string;
  sessionId: string | null;
  topicKey: string;
  /** The answer of the topic this decision changes (its field key), or null. */
  fieldKey: string | null;
  text: string;
  createdAt: string;
}

/** An answer to a field the current form no longer has (a newer pack dropped or renamed it). */
export interface OrphanAnswer {
  key: string;
  /** The field's label in the pack version the answer was given under, where that is known. */
  label: Localized | null;
  value: AnswerValue;
}

export interface WorkshopSession {
  id: string;
  projectId: string;
  topicKey: string;
  packId: string;
  packVersion: number;
  date: string | null;
  /** Person ids of the project's people who attended. */
  attendees: string[];
  notes: string;
  createdAt: string;
  /** Answers to the fields of the current form; in the latest workshop, with the values that flow in. */
  answers: Answers;
  /** The fields whose value flows in from where it was first entered (not answered here yet), and from where. */
  flowed: Record<string, CheckValue>;
  orphanAnswers: OrphanAnswer[];
}

/**
 * Where a topic stands: settled once the project's activity of the same name is done (or not
 * needed), and Go / No-Go once the gate records a decision; otherwise started with its first workshop.
 */
export const TOPIC_STATES = ['notStarted', 'inProgress', 'settled'] as const;
export type TopicState = (typeof TOPIC_STATES)[number];

export interface TopicSummary {
  key: string;
  state: TopicState;
  phase: Extract<Phase, 'initialization' | 'concept'>;
  title: Localized;
  sessions: number;
  lastDate: string | null;
  /** Of the latest session; a topic without a session has nothing answered. */
  completeness: Completeness;
}

export interface WorkshopOverview {
  pack: { id: string; version: number; name: Localized };
  topics: TopicSummary[];
  completeness: Completeness;
  openQuestions: OpenQuestion[];
  decisions: Decision[];
  /** What the pack's checks find across topics, the sizing and the project's key figures. */
  contradictions: Contradiction[];
}

export interface TopicDetail {
  pack: { id: string; version: number };
  topic: Topic;
  /** Oldest first; the last is the current one. */
  sessions: WorkshopSession[];
  questions: OpenQuestion[];
  decisions: Decision[];
  completeness: Completeness;
  /** The contradictions this topic is part of. */
  contradictions: Contradiction[];
}

export interface ProjectSizing {
  input: SizingInput;
  result: SizingResult;
  /** When it was last saved; null while it is the untouched default. */
  updatedAt: string | null;
}
