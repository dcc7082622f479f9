// What the write path may write: each entity and its table declaration (./tables/). The fields a
// change may set, their columns, value types and whether they take null are read from the
// declaration. A change naming anything else is a programming error and is refused before it
// touches a row.
import { getTableColumns, getTableName, type Column } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { branding, documentExport } from './tables/documents.ts';
import { credential, credentialAccess } from './tables/credentials.ts';
import { device } from './tables/device.ts';
import { handover, handoverContact } from './tables/handover.ts';
import { requirement, requirementComment } from './tables/checklist.ts';
import { lessonFeedback, lessonNote, lessons, retroAction } from './tables/lessons.ts';
import { agendaDecision, agendaItem, meeting, meetingAttendee, meetingReview, trainingFeedback, trainingMaterial } from './tables/meetings.ts';
import { activity, customer, membership, person, project } from './tables/projects.ts';
import { sow, sowDeliverable, sowEffortLine, sowMilestone, sowPayment, sowRole } from './tables/sows.ts';
import { conflictResolution } from './tables/sync.ts';
import { systemComponent, systemEndpoint, systemEnvironment, systemHost } from './tables/systems.ts';
import { budgetSetting, changeRequest, timeEntry, timeTimer } from './tables/time.ts';
import { testResultCase, testResultImport, testResultLabel } from './tables/test-results.ts';
import { testCase, testEvidence, testResult, testRun } from './tables/tests.ts';
import { answer, decision, openQuestion, sizing, templatePack, workshopSession } from './tables/workshops.ts';

/** Entity names are the names changes and the change log use. */
export const ENTITIES = {
  customer,
  project,
  activity,
  person,
  membership,
  templatePack,
  workshopSession,
  answer,
  openQuestion,
  decision,
  sizing,
  device,
  meeting,
  meetingAttendee,
  agendaItem,
  agendaDecision,
  requirement,
  requirementComment,
  meetingReview,
  branding,
  documentExport,
  conflictResolution,
  sow,
  sowDeliverable,
  sowMilestone,
  sowRole,
  sowEffortLine,
  sowPayment,
  changeRequest,
  timeEntry,
  timeTimer,
  budgetSetting,
  testResultImport,
  testResultLabel,
  testResultCase,
  testCase,
  testRun,
  testResult,
  testEvidence,
  handover,
  handoverContact,
  credential,
  credentialAccess,
  trainingMaterial,
  trainingFeedback,
  lessons,
  lessonFeedback,
  lessonNote,
  retroAction,
  systemEnvironment,
  systemHost,
  systemComponent,
  systemEndpoint,
};

export type EntityName = keyof typeof ENTITIES;
/** A field of an entity: each declared column but the id, which is the row's key. */
export type FieldName<E extends EntityName> = Exclude<keyof (typeof ENTITIES)[E]['_']['columns'] & string, 'id'>;

/**
 * Long texts people write paragraphs into: when two of them changed one while apart, sync merges
 * their edits word by word where they do not overlap (only overlapping edits become a conflict).
 */
const LONG_TEXTS: { [E in EntityName]?: readonly FieldName<E>[] } = {
  customer: ['address', 'notes'],
  project: ['description', 'statusSummary', 'statusRisks'],
  workshopSession: ['notes'],
  agendaItem: ['notes'],
  requirement: ['description'],
  branding: ['address'],
  sow: ['background', 'objectives', 'scopeIn', 'scopeOut', 'acceptanceProcedure', 'assumptions', 'dependencies', 'changeControl'],
  sowDeliverable: ['acceptanceCriteria'],
  sowRole: ['responsibilities'],
  sowEffortLine: ['description'],
  changeRequest: ['description', 'reason', 'datesImpact', 'scopeImpact'],
  testCase: ['preconditions'],
  testResult: ['comment'],
  handover: ['knownLimitations', 'ticketNotes', 'acceptanceStatement'],
  credential: ['notes'],
  trainingFeedback: ['comment'],
  lessonFeedback: ['comment'],
  lessonNote: ['text'],
  systemEnvironment: ['notes'],
  systemHost: ['notes'],
};

export function isLongText(entity: string, field: string): boolean {
  return (LONG_TEXTS[entity as EntityName] as readonly string[] | undefined)?.includes(field) ?? false;
}
export type FieldValue = string | number | boolean | null;

export type FieldType = 'text' | 'integer' | 'boolean';
export interface FieldDef {
  column: string;
  type: FieldType;
  nullable: boolean;
}
export interface EntityDef {
  table: string;
  fields: ReadonlyMap<string, FieldDef>;
}

function fieldType(table: string, column: Pick<Column, 'name' | 'dataType'>): FieldType {
  switch (column.dataType) {
    case 'string':
    // A JSON column is written as its text: a change replaces the whole value.
    case 'json':
      return 'text';
    case 'number':
      return 'integer';
    case 'boolean':
      return 'boolean';
    default:
      throw new Error(`${table}.${column.name}: the write path has no values of type ${column.dataType}`);
  }
}

function entityDefOf(table: SQLiteTable): EntityDef {
  const name = getTableName(table);
  const columns = Object.entries(getTableColumns(table)).filter(([field]) => field !== 'id');
  return {
    table: name,
    fields: new Map(columns.map(([field, column]) => [field, { column: column.name, type: fieldType(name, column), nullable: !column.notNull }])),
  };
}

const DEFS: ReadonlyMap<string, EntityDef> = new Map(Object.entries(ENTITIES).map(([entity, table]) => [entity, entityDefOf(table)]));

/** The table and fields of an entity; undefined for a name that is none (a change from sync may carry anything). */
export function entityDef(entity: string): EntityDef | undefined {
  return DEFS.get(entity);
}
