// The requirements checklist: one record per item, numbered per project (R-001, R-002, ...), with
// who delivers it and by when. Action items of meetings are checklist items (one record, linked
// back to the meeting and agenda item), as the weekly status calls expand the checklist.
import type { CsvProblemKind } from '../csv.ts';
import type { DeviceName, IsoDate, Phase, Side } from '../domain.ts';

export const REQUIREMENT_STATUSES = ['open', 'in_progress', 'done', 'blocked', 'not_needed'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

/** Finished items: they count as progress and are never overdue. */
export const CLOSED_STATUSES: readonly RequirementStatus[] = ['done', 'not_needed'];

export const PRIORITIES = ['low', 'normal', 'high'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const REQUIREMENT_SOURCES = ['manual', 'meeting', 'workshop', 'retrospective'] as const;
export type RequirementSource = (typeof REQUIREMENT_SOURCES)[number];

export interface Requirement {
  id: string;
  projectId: string;
  /** Per project, from 1; shown as R-001. */
  number: number;
  title: string;
  description: string;
  category: string;
  /** The workshop topic the item belongs to, if any. */
  topicKey: string | null;
  phase: Phase | null;
  ownerSide: Side | null;
  responsibleId: string | null;
  dueDate: IsoDate | null;
  status: RequirementStatus;
  priority: Priority;
  source: RequirementSource;
  /** The meeting and agenda item an action item was recorded in. */
  meetingId: string | null;
  agendaItemId: string | null;
  createdAt: string;
  /**
   * Numbers the item had before sync renumbered it, oldest first: two devices apart gave the same
   * number, and the item made first kept it. Search and the CSV import still find it by them.
   */
  formerNumbers: number[];
}

/** The fields a consultant edits, as the API and the CSV file name them. */
export const EDITABLE_FIELDS = [
  'title',
  'description',
  'category',
  'topicKey',
  'phase',
  'ownerSide',
  'responsibleId',
  'dueDate',
  'status',
  'priority',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export function formatNumber(number: number): string {
  return `R-${String(number).padStart(3, '0')}`;
}

/** The item's number and the numbers it had before, as search and the number filter match them: "R-043 R-042". */
export function numberTexts(item: Pick<Requirement, 'number' | 'formerNumbers'>): string {
  return [item.number, ...item.formerNumbers].map(formatNumber).join(' ');
}

export interface HistoryEntry {
  field: string;
  /** The value before this change (null when the item was created with it). */
  from: string | number | boolean | null;
  to: string | number | boolean | null;
  /** When, from the change's clock stamp (ISO date and time, UTC). */
  at: string;
  deviceId: string;
  /** Who on which machine, as that device introduced itself (empty when it never did). */
  by: DeviceName;
  /** Why, where the change was not a person's: a number sync gave because another item had the old one first. */
  why?: 'renumbered';
}

export interface RequirementComment {
  id: string;
  requirementId: string;
  text: string;
  author: string;
  createdAt: string;
}

export interface RequirementDetail {
  requirement: Requirement;
  comments: RequirementComment[];
  history: HistoryEntry[];
}

/** The fields whose values are one of a list (shown by their labels). */
export type ChoiceField = 'phase' | 'ownerSide' | 'status' | 'priority';

/**
 * What is wrong with a row (or the file), with what the message names, in no language:
 * importProblemText (csv-format.ts) writes it in one. Quoted values are as the file has them.
 */
export type ImportProblemKind =
  | CsvProblemKind
  /** No column is mapped to the title. */
  | { kind: 'noTitleColumn' }
  | { kind: 'tooManyFields'; fields: number; headerFields: number }
  | { kind: 'notADate'; text: string }
  | { kind: 'notANumber'; text: string }
  | { kind: 'notAChoice'; field: ChoiceField; text: string }
  | { kind: 'unknownPerson'; text: string }
  | { kind: 'unknownTopic'; text: string }
  | { kind: 'tooLong'; max: number }
  /** A value the item's checks refuse for another reason. */
  | { kind: 'notAccepted' }
  | { kind: 'duplicateNumber'; number: number; firstLine: number }
  /** The row names the number of an item removed on that day; numbers are not given again. */
  | { kind: 'removedNumber'; number: number; on: IsoDate }
  | { kind: 'emptyTitle' };

export type ImportProblem = {
  /** The line of the file where the record starts, from 1 (the header is line 1). */
  line: number;
  column: string | null;
  /** importProblemText in English, as the command line reports it; the UI writes `kind` in its language. */
  message: string;
} & ImportProblemKind;

export interface ImportPreview {
  delimiter: ',' | ';';
  headers: string[];
  /** For each header: the item field it fills, or null to leave it out. */
  mapping: (EditableField | 'number' | null)[];
  rows: number;
  creates: number;
  updates: number;
  problems: ImportProblem[];
  /** The first rows as they would be stored, to check the mapping. */
  sample: Partial<Record<EditableField | 'number', string>>[];
}

export interface ImportResult {
  created: number;
  updated: number;
  skipped: number;
}
