// Which project each entity's rows belong to, so the write path can keep a closed project
// read-only whatever API method writes. Declared for every entity (the compiler insists), so a
// new entity cannot forget to say.
import type { EntityName } from './entities.ts';

export type ProjectScope =
  /** Not part of any one project (customers, people, settings of this installation). */
  | { kind: 'none' }
  /** The project row itself. */
  | { kind: 'self' }
  /** A field of the row names the project. */
  | { kind: 'field'; field: string }
  /** A field of the row names a parent row, whose own scope says the project. */
  | { kind: 'parent'; field: string; parent: EntityName }
  /**
   * Belongs to a project but is a record of reading it (an export made, a secret revealed): written
   * whether or not the project is closed.
   */
  | { kind: 'record' };

const byProject: ProjectScope = { kind: 'field', field: 'projectId' };
const parent = (field: string, entity: EntityName): ProjectScope => ({ kind: 'parent', field, parent: entity });

export const PROJECT_SCOPE: { readonly [E in EntityName]: ProjectScope } = {
  customer: { kind: 'none' },
  project: { kind: 'self' },
  activity: byProject,
  person: { kind: 'none' },
  membership: byProject,
  templatePack: { kind: 'none' },
  workshopSession: byProject,
  answer: parent('sessionId', 'workshopSession'),
  openQuestion: byProject,
  decision: byProject,
  sizing: byProject,
  device: { kind: 'none' },
  meeting: byProject,
  meetingAttendee: parent('meetingId', 'meeting'),
  agendaItem: parent('meetingId', 'meeting'),
  agendaDecision: parent('meetingId', 'meeting'),
  requirement: byProject,
  requirementComment: parent('requirementId', 'requirement'),
  meetingReview: parent('meetingId', 'meeting'),
  branding: { kind: 'none' },
  documentExport: { kind: 'record' },
  // An answer to a sync conflict is bookkeeping of the sync, not of the project.
  conflictResolution: { kind: 'none' },
  sow: byProject,
  sowDeliverable: parent('sowId', 'sow'),
  sowMilestone: parent('sowId', 'sow'),
  sowRole: parent('sowId', 'sow'),
  sowEffortLine: parent('sowId', 'sow'),
  sowPayment: parent('sowId', 'sow'),
  changeRequest: byProject,
  timeEntry: byProject,
  timeTimer: byProject,
  budgetSetting: byProject,
  testResultImport: byProject,
  testResultLabel: parent('importId', 'testResultImport'),
  testResultCase: parent('importId', 'testResultImport'),
  testCase: byProject,
  testRun: byProject,
  testResult: parent('runId', 'testRun'),
  testEvidence: parent('runId', 'testRun'),
  handover: byProject,
  handoverContact: byProject,
  credential: byProject,
  // A secret revealed or copied is a record of reading, kept for a closed project too.
  credentialAccess: { kind: 'record' },
  trainingMaterial: parent('meetingId', 'meeting'),
  trainingFeedback: parent('meetingId', 'meeting'),
  lessons: byProject,
  lessonFeedback: byProject,
  lessonNote: byProject,
  // Written in its own project; the checklist item it becomes is the follow-up project's own row.
  retroAction: byProject,
  systemEnvironment: byProject,
  systemHost: byProject,
  systemComponent: byProject,
  systemEndpoint: byProject,
};
