// The API contract: one table of methods, each with a zod input schema and its result type.
// The Node core implements it once; Electron IPC, the local HTTP host and the command line all
// dispatch through this table, and the renderer calls it without knowing which host it has.
import { z } from 'zod';
import {
  ACTIVITY_STATUSES,
  GATE_DECISIONS,
  PHASES,
  PROJECT_STATUSES,
  SIDES,
  TRAFFIC_LIGHTS,
  type Activity,
  type AppInfo,
  type Customer,
  type Membership,
  type Person,
  type PersonDetail,
  type Profile,
  type Project,
  type ProjectDetail,
  type ProjectListItem,
} from './domain.ts';
import { PRIORITIES, REQUIREMENT_SOURCES, REQUIREMENT_STATUSES, type ImportPreview, type ImportResult, type Requirement, type RequirementComment, type RequirementDetail } from './checklist/types.ts';
import { CSV_TARGETS } from './checklist/csv-format.ts';
import { CHECKLIST_VIEWS, COLUMNS } from './checklist/view.ts';
import { CHECKLIST_GROUPINGS } from './documents/checklist-doc.ts';
import type { Branding } from './documents/frame.ts';
import { CREDENTIAL_DOCUMENTS, DOCUMENT_FORMATS, DOCUMENT_KINDS, type DocumentExport, type ExportResult } from './documents/types.ts';
import type { ApiErrorBody } from './errors.ts';
import { isIsoDate, isoDate } from './iso-date.ts';
import { CONFLICT_CHOICES, type SyncConflict, type SyncResult, type SyncStatus } from './sync.ts';
import { EVIDENCE_TYPES, MAX_CSV_CHARS, MAX_EVIDENCE_BYTES, MAX_MATERIAL_BYTES, MAX_PACK_CHARS, MAX_RESULTS_FILE_BYTES, MAX_UPLOAD_CHUNK_BYTES, megabytes } from './limits.ts';
import { MEETING_KINDS, PRESENCES, PREVIOUS_MINUTES, TRAINING_AUDIENCES, type AgendaDecision, type AgendaItem, type MeetingDetail, type MeetingSummary, type TrainingMaterialFile } from './meetings/types.ts';
import { NOTE_KINDS, type ActionOrigin, type LessonsDetail } from './lessons/types.ts';
import type { Pack, TrainingTopic } from './workshops/pack.ts';
import { CURRENCIES } from './money.ts';
import { CHANGE_REQUEST_DECISIONS, type ChangeRequestDetail, type ChangeRequestSummary } from './change-requests/types.ts';
import type { ProjectBudget } from './time/budget.ts';
import { isQuarterHours } from './time/hours.ts';
import type { RunningTimer, TimeEntry, TimeResult, TimeTargets, TimeTotals } from './time/types.ts';
import type { SowDiff } from './sows/diff.ts';
import { ENVIRONMENTS, RESULT_STATUSES, VERDICTS, type EvidenceFile, type TestCase, type TestRunDetail, type TestRunSummary } from './test-protocol/types.ts';
import type { ImportedResults } from './test-results/types.ts';
import { TICKET_RESULTS, type ClosingCheck, type HandoverDetail } from './handover/types.ts';
import type { Credential, CredentialList } from './credentials/types.ts';
import { componentFields, endpointFields, environmentFields, hostFields } from './systems/schema.ts';
import { ENVIRONMENT_KINDS, type HostListPreview, type HostListResult, type Inventory, type PrefillResult } from './systems/types.ts';
import { EXPENSE_MODES, PAYMENT_MODES, SIGNING_SIDES, type SowDetail, type SowSummary } from './sows/types.ts';
import { sizingInputSchema } from './workshops/sizing.ts';
import {
  QUESTION_STATUSES,
  type Decision,
  type OpenQuestion,
  type PackSummary,
  type ProjectSizing,
  type TopicDetail,
  type WorkshopOverview,
  type WorkshopSession,
} from './workshops/types.ts';

const id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'Expected a Fieldbook id');
/**
 * Text that must say something, up to `max` characters. It is kept as given, spaces and tabs
 * around it included: what is stored is what was typed, and only blank text is refused.
 */
const wording = (max: number) =>
  z
    .string()
    .max(max)
    .refine((v) => v.trim() !== '', { message: 'Must not be empty', params: { reason: 'empty' } });
const name = wording(200);
const text = z.string().max(20_000);
const line = z.string().max(500);

const optionalDate = isoDate.nullable();
const count = z.number().int().min(0).max(1_000_000_000).nullable();
const email = z.union([z.literal(''), z.email('Expected an e-mail address').max(320)]);
/** A file's full path on this machine: from the root (/, C:\ or \\server), without NUL. */
const absolutePath = z.string().max(4096).regex(/^(?:\/|[A-Za-z]:[\\/]|\\\\)[^\0]*$/, 'Expected an absolute file path');

/** Logos travel as data URLs so that one value carries the bytes and the type through sync. */
const MAX_LOGO_CHARS = 3_000_000;
const logo = z
  .string()
  .max(MAX_LOGO_CHARS, 'Logo is larger than 2 MB')
  .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/, 'Expected a PNG or JPEG image')
  .nullable();

const customerFields = {
  name,
  address: text,
  notes: text,
  logo,
};

const projectFields = {
  name,
  product: line,
  productVersion: line,
  description: text,
  startDate: optionalDate,
  targetDate: optionalDate,
  mailboxes: count,
  concurrentSessions: count,
  // Closing has checks of its own (projects.close, projects.reopen).
  status: z.enum(PROJECT_STATUSES).exclude(['closed']),
};

const personFields = {
  name,
  organisation: line,
  side: z.enum(SIDES),
  email,
  phone: z.string().max(60),
};

const membershipFields = {
  role: line,
  responsibilities: text,
};

/** A patch: at least one field besides the id. */
function patch<T extends z.ZodRawShape>(fields: T) {
  return z
    .strictObject({ id, ...z.object(fields).partial().shape })
    .refine((v) => Object.keys(v).length > 1, { message: 'Nothing to change', path: ['id'] });
}

/**
 * read: answers from the database; write: changes it in one transaction; task: long work
 * (rendering a document) that answers later, writing what it records when it is done; recovery:
 * works on the database file itself (a backup put in place of a damaged file), so it is allowed
 * while the database is read-only and runs outside any transaction.
 */
export type MethodKind = 'read' | 'write' | 'task' | 'recovery';

interface MethodDef<S extends z.ZodType, Out, K extends MethodKind = MethodKind> {
  readonly input: S;
  readonly kind: K;
  readonly summary: string;
  /** Carries the result type only; never set at run time. */
  readonly result?: Out;
}

function read<Out>() {
  return <S extends z.ZodType>(input: S, summary: string): MethodDef<S, Out> => ({ input, kind: 'read', summary });
}
function write<Out>() {
  return <S extends z.ZodType>(input: S, summary: string): MethodDef<S, Out> => ({ input, kind: 'write', summary });
}
function recovery<Out>() {
  return <S extends z.ZodType>(input: S, summary: string): MethodDef<S, Out> => ({ input, kind: 'recovery', summary });
}
function task<Out>() {
  return <S extends z.ZodType>(input: S, summary: string): MethodDef<S, Out, 'task'> => ({ input, kind: 'task', summary });
}

const none = z.strictObject({});
const packId = z.string().min(1).max(100);
const topicKey = z.string().min(1).max(100);
const byId = z.strictObject({ id });
/** A level of the escalation path after the handover: 1 is asked first. */
const handoverLevel = z.number().int().min(1).max(3);

/** Local date and time of a meeting, as a datetime-local field gives it. */
const localDateTime = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) && isIsoDate(v.slice(0, 10)) && Number(v.slice(11, 13)) < 24 && Number(v.slice(14)) < 60, {
    message: 'Expected a date and time as YYYY-MM-DDTHH:MM',
    params: { reason: 'date' },
  })
  .nullable();

const meetingFields = {
  kind: z.enum(MEETING_KINDS),
  title: line,
  startsAt: localDateTime,
  durationMinutes: z.number().int().min(0).max(24 * 60).nullable(),
  place: line,
  chairId: id.nullable(),
  minuteTakerId: id.nullable(),
  previousMinutes: z.enum(PREVIOUS_MINUTES),
  previousMinutesNote: text,
  topicKeys: z.array(topicKey).max(50),
  nextMeetingAt: localDateTime,
  nextMeetingNote: text,
  trainingAudience: z.array(z.enum(TRAINING_AUDIENCES)).max(TRAINING_AUDIENCES.length),
  trainingAudienceOther: line,
  trainerId: id.nullable(),
  trainingTopicKeys: z.array(topicKey).max(100),
  trainingCustomTopics: z.array(line).max(100),
};

/** A score of 1 (poor) to 5 (very good); null takes a given score back. */
const score = z.number().int().min(1).max(5).nullable();
/** A web address (a link to training material). */
const webLink = z.string().max(2_000).regex(/^https?:\/\/\S+$/, 'Expected a web address (https://…)');

/** A checklist item's fields; the CSV import checks its rows against these too. */
export const requirementFields = {
  title: wording(500),
  description: text,
  category: line,
  topicKey: topicKey.nullable(),
  phase: z.enum(PHASES).nullable(),
  ownerSide: z.enum(SIDES).nullable(),
  responsibleId: id.nullable(),
  dueDate: optionalDate,
  status: z.enum(REQUIREMENT_STATUSES),
  priority: z.enum(PRIORITIES),
};

/** A change made during a status call: the call's minutes record it. */
const duringCall = { meetingId: id.optional() };

/** A document file as base64 (documents.publish): two of them still fit a request. */
const MAX_PUBLISHED_CHARS = 60_000_000;

/** An amount of money: whole minor units (cents) and the currency, which must be the SOW's. */
const money = z.strictObject({ minor: z.number().int().min(0).max(100_000_000_000), currency: z.enum(CURRENCIES) });
/** A share in basis points: 100 is 1 %, 10000 is 100 %. */
const basisPoints = z.number().int().min(0).max(10_000);

/** An SOW's own fields; long texts up to 20,000 characters each. */
const sowFields = {
  title: wording(300),
  frameworkAgreement: line,
  date: optionalDate,
  currency: z.enum(CURRENCIES),
  background: text,
  objectives: text,
  scopeIn: text,
  scopeOut: text,
  acceptanceProcedure: text,
  assumptions: text,
  dependencies: text,
  changeControl: text,
  validUntil: optionalDate,
  discountBasisPoints: basisPoints,
  expensesMode: z.enum(EXPENSE_MODES),
  /** The flat amount, or the amount per trip. */
  expenses: money,
  expensesTrips: z.number().int().min(0).max(10_000),
  paymentMode: z.enum(PAYMENT_MODES),
};

/** The fields of each part of an SOW. Days are hundredths of a day (2.5 days: 250), never below zero. */
const sowPartFields = {
  deliverable: { title: line, acceptanceCriteria: text, dueDate: optionalDate },
  milestone: { title: line, dueDate: optionalDate },
  role: { side: z.enum(SIDES), role: line, responsibilities: text },
  effort: { role: line, description: text, dayHundredths: z.number().int().min(0).max(1_000_000), dailyRate: money },
  payment: { label: line, percentBasisPoints: basisPoints, milestoneId: id.nullable(), dueDate: optionalDate },
};
/** Input for one kind of part: `part` names it, then its own fields (all optional) and `extra`. */
function sowPartInput<P extends keyof typeof sowPartFields, E extends z.ZodRawShape>(part: P, extra: E) {
  return z.strictObject({ part: z.literal(part), ...extra, ...z.object(sowPartFields[part]).partial().shape });
}
function sowPartInputs<E extends z.ZodRawShape>(extra: E) {
  return z.discriminatedUnion('part', [
    sowPartInput('deliverable', extra),
    sowPartInput('milestone', extra),
    sowPartInput('role', extra),
    sowPartInput('effort', extra),
    sowPartInput('payment', extra),
  ]);
}
const sowPart = z.enum(['deliverable', 'milestone', 'role', 'effort', 'payment']);

/** Hours in quarter hours (1.5, 0.25), never below zero, at most a day's 24. */
const hours = z
  .number()
  .refine(isQuarterHours, { message: 'Expected hours in quarter hours (0.25, 0.5, 0.75 …), not below zero', params: { reason: 'quarterHours' } })
  .refine((v) => v <= 24, { message: 'At most 24 hours in one day', params: { reason: 'dayTooLong' } });
/** Hours booked: at least a quarter hour. */
const bookedHours = hours.refine((v) => v > 0, { message: 'Expected at least a quarter hour', params: { reason: 'quarterHours' } });

/** Where time goes: an SOW's effort line (the SOW by any of its versions' ids), or a project activity. */
const timeTarget = { sowId: id.nullable(), lineId: id.nullable(), activityId: id.nullable() };
const oneTarget = <T extends { sowId?: string | null | undefined; lineId?: string | null | undefined; activityId?: string | null | undefined }>(v: T) =>
  v.activityId ? !v.sowId && !v.lineId : Boolean(v.sowId && v.lineId);
const TARGET_MESSAGE = { message: 'Book on an SOW and its effort line (sowId and lineId), or on an activity (activityId): one of the two', path: ['sowId'] };

const timeFilters = {
  projectId: id,
  from: isoDate.optional(),
  to: isoDate.optional(),
  personId: id.optional(),
  sowId: id.optional(),
  lineId: id.optional(),
  activityId: id.optional(),
  billable: z.boolean().optional(),
};

/** Extra days per role of the SOW, at its rate for that role. */
const effortImpact = z.array(z.strictObject({ role: wording(500), dayHundredths: z.number().int().min(0).max(1_000_000) })).max(50);
const changeRequestFields = {
  title: wording(300),
  description: text,
  reason: text,
  requestedById: id.nullable(),
  effort: effortImpact,
  datesImpact: text,
  scopeImpact: text,
};

/** A test case's own fields: steps numbered by their order, each with its expected result. */
const testCaseFields = {
  title: wording(300),
  preconditions: text,
  steps: z.array(z.strictObject({ action: text, expected: text })).max(100),
  priority: z.enum(PRIORITIES),
  topicKeys: z.array(topicKey).max(50),
  requirementIds: z.array(id).max(100),
};
const testRunFields = {
  name: wording(300),
  build: line,
  environment: z.enum(ENVIRONMENTS),
  startDate: optionalDate,
  endDate: optionalDate,
  tester: line,
};
/** One side's signatory of a test run. */
const signatory = z.strictObject({ name, role: line, organisation: line, date: isoDate });
/** A case of a run: the result row is named by its run and its case. */
const runCase = { runId: id, caseId: id };

/** A credential's fields; the secret is sent in clear over the host's channel and encrypted by the core. */
const credentialFields = {
  service: wording(300),
  host: line,
  userName: line,
  /** '' for an account without a secret (or to remove it). */
  secret: z.string().max(2000),
  notes: text,
};
/**
 * When secrets here were encrypted with a key this installation does not have, a secret is only
 * stored under a new key of its own when this says so (the old secrets stay closed until their key is back).
 */
const startNewKey = z.boolean().optional();

const csvText = z.string().max(MAX_CSV_CHARS, `The file is larger than ${megabytes(MAX_CSV_CHARS)}`);
const csvMapping = z.array(z.enum(CSV_TARGETS).nullable()).max(100);

/** A part of an installed host (its software, a network endpoint): `part` names it, then its own fields. */
function hostPartInputs<E extends z.ZodRawShape>(extra: E) {
  return z.discriminatedUnion('part', [
    z.strictObject({ part: z.literal('component'), ...extra, ...z.object(componentFields).partial().shape }),
    z.strictObject({ part: z.literal('endpoint'), ...extra, ...z.object(endpointFields).partial().shape }),
  ]);
}
/** A host list pasted or read from a file (CSV or one host a line), for an environment. */
const hostList = z.strictObject({ environmentId: id, text: csvText });


export const api = {
  'app.info': read<AppInfo>()(none, 'Version, device id, data folder and database state.'),
  'database.restoreBackup': recovery<{ restored: string; damagedFile: string }>()(
    z.strictObject({ file: z.string().min(1).max(500) }),
    "Put a backup (app.info's newestBackup.file) in place of a damaged database: the backup is checked first, the damaged file is renamed aside and kept.",
  ),

  'customers.list': read<Customer[]>()(
    z.strictObject({ search: z.string().max(200).optional(), includeArchived: z.boolean().optional() }),
    'Customers by name; archived ones only when asked.',
  ),
  'customers.get': read<Customer>()(byId, 'One customer.'),
  'customers.create': write<Customer>()(
    z.strictObject({ name, address: text.optional(), notes: text.optional(), logo: logo.optional() }),
    'Create a customer.',
  ),
  'customers.update': write<Customer>()(patch(customerFields), 'Change some fields of a customer.'),
  'customers.archive': write<Customer>()(
    z.strictObject({ id, archived: z.boolean() }),
    'Archive a customer, or bring one back.',
  ),

  'projects.list': read<ProjectListItem[]>()(
    z.strictObject({
      search: z.string().max(200).optional(),
      phase: z.enum(PHASES).optional(),
      status: z.enum(PROJECT_STATUSES).optional(),
      customerId: id.optional(),
    }),
    'Projects with customer, phase and progress; filtered by search text, phase, status and customer.',
  ),
  'projects.get': read<ProjectDetail>()(byId, 'A project with its customer, activities, people and progress.'),
  'projects.create': write<ProjectDetail>()(
    z.strictObject({
      customerId: id,
      name,
      product: line.optional(),
      productVersion: line.optional(),
      description: text.optional(),
      startDate: optionalDate.optional(),
      targetDate: optionalDate.optional(),
      mailboxes: count.optional(),
      concurrentSessions: count.optional(),
    }),
    'Create a project with the activity checklist of the process template.',
  ),
  'projects.update': write<Project>()(patch(projectFields), 'Change some fields of a project.'),
  'projects.setPhase': write<Project>()(
    z.strictObject({ id, phase: z.enum(PHASES), confirmWithoutGo: z.boolean().optional() }),
    'Move a project to a phase; past Initialization without a recorded Go only with confirmWithoutGo.',
  ),
  'projects.updateStatusNotes': write<Project>()(
    patch({ summary: text, risks: text, light: z.enum(TRAFFIC_LIGHTS).nullable(), lightReason: line }),
    "Change the consultant's part of the weekly status report: summary, risks, the light set by hand (null: the computed one) and why.",
  ),
  'projects.recordGate': write<Project>()(
    z.strictObject({
      id,
      decision: z.enum(GATE_DECISIONS),
      date: optionalDate,
      decidedBy: line,
      rationale: text,
      conditions: text,
    }),
    'Record the Go / No-Go decision between Initialization and Concept.',
  ),
  'projects.createSample': write<ProjectDetail>()(
    z.strictObject({ language: z.enum(['en', 'de']).optional() }),
    'Fill a realistic example customer and project to look around in.',
  ),

  'activities.update': write<Activity>()(
    patch({ status: z.enum(ACTIVITY_STATUSES), date: optionalDate, note: text, title: name }),
    'Change status, date, note or title of an activity.',
  ),
  'activities.add': write<Activity>()(
    z.strictObject({ projectId: id, phase: z.enum(PHASES), title: name }),
    "Add the consultant's own activity to a phase.",
  ),
  'activities.remove': write<{ id: string }>()(byId, "Remove an activity the consultant added."),

  'people.list': read<Person[]>()(
    z.strictObject({ search: z.string().max(200).optional() }),
    'Everyone known, across projects.',
  ),
  'people.get': read<PersonDetail>()(byId, 'One person with the projects they are on and their role in each.'),
  'people.create': write<Person>()(
    z.strictObject({ ...personFields, organisation: line.optional(), email: email.optional(), phone: personFields.phone.optional() }),
    'Create a person.',
  ),
  'people.update': write<Person>()(patch(personFields), 'Change some fields of a person.'),

  'members.add': write<Membership>()(
    z.strictObject({ projectId: id, personId: id, role: line.optional(), responsibilities: text.optional() }),
    'Add a person to a project with a role.',
  ),
  'members.update': write<Membership>()(patch(membershipFields), "Change a person's role or responsibilities in a project."),
  'members.remove': write<{ id: string }>()(byId, 'Take a person off a project (the person stays known).'),

  'packs.list': read<PackSummary[]>()(none, 'Workshop template packs: bundled and imported, newest version of each.'),
  'packs.get': read<Pack>()(
    z.strictObject({ id: packId, version: z.number().int().min(1).optional() }),
    'A template pack (its newest version unless a version is given).',
  ),
  'packs.import': write<PackSummary>()(
    z.strictObject({ json: z.string().max(MAX_PACK_CHARS, `The pack file is larger than ${megabytes(MAX_PACK_CHARS)}`) }),
    'Import a template pack from its JSON text; an invalid pack is refused with every problem listed.',
  ),
  'packs.export': read<{ fileName: string; json: string }>()(
    z.strictObject({ id: packId, version: z.number().int().min(1).optional() }),
    'A template pack as JSON text, to share or edit.',
  ),

  'workshops.overview': read<WorkshopOverview>()(
    z.strictObject({ projectId: id }),
    "The project's workshop topics with their completeness, and all open questions and decisions.",
  ),
  'workshops.topic': read<TopicDetail>()(
    z.strictObject({ projectId: id, topicKey: topicKey }),
    'One topic: its form, its sessions with answers, questions, decisions and completeness.',
  ),
  'sessions.create': write<WorkshopSession>()(
    z.strictObject({ projectId: id, topicKey: topicKey, date: isoDate.optional() }),
    "Start a workshop session on a topic; a follow-up starts from the previous session's answers.",
  ),
  'sessions.update': write<WorkshopSession>()(
    patch({ date: optionalDate, notes: text, attendees: z.array(id).max(200) }),
    'Change the date, attendees (people of the project) or notes of a session.',
  ),
  'sessions.remove': write<{ id: string }>()(byId, 'Remove a workshop session started by mistake.'),
  'answers.set': write<TopicDetail>()(
    z.strictObject({ sessionId: id, field: topicKey, value: z.json() }),
    "Answer one field of a session's form (null clears it); checked against the field's type.",
  ),
  'questions.add': write<OpenQuestion>()(
    z.strictObject({
      projectId: id,
      topicKey: topicKey,
      sessionId: id.optional(),
      text: wording(2_000),
      ownerId: id.nullable().optional(),
      dueDate: optionalDate.optional(),
    }),
    'Record an open question of a workshop topic, with owner and due date.',
  ),
  'questions.update': write<OpenQuestion>()(
    patch({ text: wording(2_000), ownerId: id.nullable(), dueDate: optionalDate, status: z.enum(QUESTION_STATUSES), answer: text }),
    'Change, answer or reopen an open question.',
  ),
  'questions.remove': write<{ id: string }>()(byId, 'Remove an open question.'),
  'decisions.add': write<Decision>()(
    z.strictObject({ projectId: id, topicKey: topicKey, sessionId: id.optional(), fieldKey: topicKey.nullable().optional(), text: wording(2_000) }),
    'Record a decision taken in a workshop; fieldKey names the answer of the topic it changes, if it changes one.',
  ),
  'decisions.update': write<Decision>()(
    z.strictObject({ id, text: wording(2_000).optional(), fieldKey: topicKey.nullable().optional() }),
    'Change the wording of a decision, or the answer it changes.',
  ),
  'decisions.remove': write<{ id: string }>()(byId, 'Remove a decision.'),

  'meetings.list': read<MeetingSummary[]>()(z.strictObject({ projectId: id }), "The project's meetings, latest first."),
  'meetings.get': read<MeetingDetail>()(byId, 'One meeting with attendees, agenda, decisions, action items and, for a status call, the items it reviewed.'),
  'meetings.create': write<MeetingDetail>()(
    z.strictObject({ projectId: id, kind: meetingFields.kind, title: line.optional(), startsAt: localDateTime.optional() }),
    'Record a meeting; a status call takes the attendees and chair of the previous one.',
  ),
  'meetings.update': write<MeetingDetail>()(patch(meetingFields), 'Change some fields of a meeting.'),
  'meetings.remove': write<{ id: string }>()(byId, 'Remove a meeting (its action items stay on the checklist).'),
  'meetings.setAttendee': write<MeetingDetail>()(
    z.strictObject({ meetingId: id, personId: id, presence: z.enum(PRESENCES).nullable() }),
    "Mark one of the project's people present or apologised (null: not expected).",
  ),
  'agenda.add': write<AgendaItem>()(
    z.strictObject({ meetingId: id, title: line.optional(), afterId: id.optional() }),
    'Add an agenda item, at the end or after another.',
  ),
  'agenda.update': write<AgendaItem>()(patch({ title: line, notes: text }), 'Change the title or discussion notes of an agenda item.'),
  'agenda.remove': write<{ id: string }>()(byId, 'Remove an agenda item with its decisions (its action items stay on the checklist).'),
  'agenda.decide': write<AgendaDecision>()(z.strictObject({ agendaItemId: id, text: wording(2_000) }), 'Record a decision under an agenda item.'),
  'agenda.updateDecision': write<AgendaDecision>()(z.strictObject({ id, text: wording(2_000) }), 'Change the wording of a decision.'),
  'agenda.removeDecision': write<{ id: string }>()(byId, 'Remove a decision.'),
  'training.topics': read<TrainingTopic[]>()(z.strictObject({ projectId: id }), "The training topics of the project's pack, to choose a training's topics from."),
  'training.setFeedback': write<MeetingDetail>()(
    z
      .strictObject({ meetingId: id, personId: id, score: score.optional(), comment: text.optional() })
      .refine((v) => v.score !== undefined || v.comment !== undefined, { message: 'Nothing to change', path: ['personId'] }),
    "Record an attendee's feedback on a training (a score of 1 to 5 and a comment); only attendees marked present give feedback.",
  ),
  'training.addMaterial': write<MeetingDetail>()(
    z
      .strictObject({
        meetingId: id,
        name: wording(300),
        link: webLink.optional(),
        mediaType: z.string().max(200).optional(),
        base64: z
          .string()
          .max(Math.ceil(MAX_MATERIAL_BYTES / 3) * 4 + 4, `The file is larger than ${megabytes(MAX_MATERIAL_BYTES)}`)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Expected the file as base64')
          .optional(),
      })
      .refine((v) => (v.link === undefined) !== (v.base64 === undefined), { message: 'Give the material as a file (base64 with mediaType) or as a link, one of them', path: ['link'] }),
    `Add material to a training: a file (PDF, PowerPoint, Word, OpenDocument, PNG, JPEG, text; up to ${megabytes(MAX_MATERIAL_BYTES)}), kept in the database, or a link.`,
  ),
  'training.material': read<TrainingMaterialFile>()(byId, "One training material with a file's bytes as a data URL ('' for a link)."),
  'training.removeMaterial': write<MeetingDetail>()(byId, 'Remove material from a training.'),

  'lessons.get': read<LessonsDetail>()(
    z.strictObject({ projectId: id }),
    "The project's lessons learned: the customer's feedback per question of the pack with its average, the consultants' notes, what went well and what to improve, and the retrospective's actions with where they went.",
  ),
  'lessons.update': write<LessonsDetail>()(
    z
      .strictObject({ projectId: id, feedbackMeetingId: id.nullable().optional(), feedbackBy: line.optional() })
      .refine((v) => Object.keys(v).length > 1, { message: 'Nothing to change', path: ['projectId'] }),
    'Record the closing meeting (retrospective, approval review or handover) the customer gave their feedback in, and who gave it.',
  ),
  'lessons.setFeedback': write<LessonsDetail>()(
    z
      .strictObject({ projectId: id, questionKey: topicKey, score: score.optional(), comment: text.optional() })
      .refine((v) => v.score !== undefined || v.comment !== undefined, { message: 'Nothing to change', path: ['questionKey'] }),
    "The customer's answer to one feedback question of the pack: a score of 1 to 5 and a comment.",
  ),
  'lessons.addNote': write<LessonsDetail>()(
    z.strictObject({ projectId: id, kind: z.enum(NOTE_KINDS), text: wording(5_000), authorId: id.nullable().optional() }),
    "Add a consultant's own lesson (personal), or what went well or is to improve in the retrospective.",
  ),
  'lessons.updateNote': write<LessonsDetail>()(patch({ text: wording(5_000), authorId: id.nullable() }), 'Change a note of the lessons learned.'),
  'lessons.removeNote': write<LessonsDetail>()(byId, 'Remove a note of the lessons learned.'),
  'lessons.addAction': write<LessonsDetail>()(
    z.strictObject({ projectId: id, text: wording(500), ownerId: id.nullable().optional(), dueDate: optionalDate.optional(), followUpProjectId: id.nullable().optional() }),
    "Add an action of the retrospective (owner: a consultancy person of the project). With a follow-up project it becomes a checklist item there (owner side consultancy, the owner responsible, the due date), linked both ways; without, it stays a note.",
  ),
  'lessons.updateAction': write<LessonsDetail>()(
    patch({ text: wording(500), ownerId: id.nullable(), dueDate: optionalDate, followUpProjectId: id.nullable() }),
    'Change an action of the retrospective; its checklist item follows. Another follow-up project moves the item there (the old one is removed); none makes it a note again.',
  ),
  'lessons.removeAction': write<LessonsDetail>()(byId, 'Remove an action of the retrospective; the checklist item it became stays on the follow-up checklist.'),
  'lessons.actionOrigin': read<{ origin: ActionOrigin | null }>()(
    z.strictObject({ requirementId: id }),
    'Where a checklist item came from when it is the action of a retrospective: the action and its project; null otherwise.',
  ),

  'requirements.list': read<Requirement[]>()(z.strictObject({ projectId: id }), "The project's checklist, every item, by number."),
  'requirements.get': read<RequirementDetail>()(byId, 'One checklist item with its comments and the history of every change.'),
  'requirements.create': write<Requirement>()(
    z.strictObject({
      projectId: id,
      ...z.object(requirementFields).partial().shape,
      title: requirementFields.title,
      source: z.enum(REQUIREMENT_SOURCES).optional(),
      agendaItemId: id.optional(),
      ...duringCall,
    }),
    'Add a checklist item (numbered R-001, R-002, ...); with agendaItemId it is an action item of that meeting.',
  ),
  'requirements.update': write<Requirement>()(
    z
      .strictObject({ id, ...z.object(requirementFields).partial().shape, ...duringCall })
      .refine((v) => Object.keys(v).some((k) => k !== 'id' && k !== 'meetingId'), { message: 'Nothing to change', path: ['id'] }),
    'Change some fields of a checklist item; with meetingId the change goes into that status call’s minutes.',
  ),
  'requirements.setStatus': write<Requirement[]>()(
    z.strictObject({ ids: z.array(id).min(1).max(10_000), status: requirementFields.status, ...duringCall }),
    'Set the status of several checklist items at once.',
  ),
  'requirements.review': write<{ id: string }>()(
    z.strictObject({ id, meetingId: id }),
    'Note in a status call’s minutes that an item was gone through without change.',
  ),
  'requirements.remove': write<{ id: string }>()(byId, 'Remove a checklist item.'),
  'requirements.comment': write<RequirementComment>()(z.strictObject({ id, text: wording(5_000) }), 'Comment on a checklist item.'),
  'requirements.previewImport': read<ImportPreview>()(
    z.strictObject({ projectId: id, csv: csvText, mapping: csvMapping.optional() }),
    'Read a CSV file against the checklist without writing: columns, mapping, problems by line.',
  ),
  'requirements.import': write<ImportResult>()(
    z.strictObject({ projectId: id, csv: csvText, mapping: csvMapping }),
    'Import the rows of a CSV file that have no problems: new numbers are added, known numbers updated.',
  ),
  'requirements.exportCsv': read<{ fileName: string; csv: string }>()(
    z.strictObject({ projectId: id, ids: z.array(id).max(100_000).optional(), language: z.enum(['en', 'de']), delimiter: z.enum([',', ';']) }),
    'The checklist (or the given items) as a CSV file for Excel.',
  ),

  'sows.list': read<SowSummary[]>()(z.strictObject({ projectId: id }), "The project's statements of work by number, each with its versions."),
  'sows.get': read<SowDetail>()(byId, 'One version of an SOW with its parts, its totals (computed exactly), warnings and the other versions.'),
  'sows.templates': read<{ key: string; title: string }[]>()(
    z.strictObject({ projectId: id, language: z.enum(['en', 'de']) }),
    "The SOW templates of the project's template pack.",
  ),
  'sows.create': write<SowDetail>()(
    z.strictObject({
      projectId: id,
      title: sowFields.title.optional(),
      currency: sowFields.currency.optional(),
      /** A template of the project's pack (sows.templates) to start from. */
      templateKey: z.string().min(1).max(100).optional(),
      /** Add the agreed workshop topics as scope and deliverables, their decisions as assumptions. */
      fromWorkshops: z.boolean().optional(),
      /** The language the template's and the workshops' text is taken in. */
      language: z.enum(['en', 'de']).optional(),
    }),
    'Start an SOW (numbered SOW-01, SOW-02, ... per project) as a draft, from a template and the workshop results if asked.',
  ),
  'sows.update': write<SowDetail>()(patch(sowFields), "Change some fields of a draft SOW; a sent one is frozen (start a new version)."),
  'sows.remove': write<{ id: string }>()(byId, 'Remove a draft version of an SOW; what was sent stays.'),
  'sowItems.add': write<SowDetail>()(
    sowPartInputs({ sowId: id, afterId: id.optional() }),
    'Add a deliverable, milestone, role, effort line or payment to a draft SOW (at the end, or after another of its kind).',
  ),
  'sowItems.update': write<SowDetail>()(sowPartInputs({ id }), 'Change some fields of a part of a draft SOW.'),
  'sowItems.remove': write<SowDetail>()(z.strictObject({ part: sowPart, id }), 'Remove a part of a draft SOW.'),
  'sowItems.move': write<SowDetail>()(
    z.strictObject({ part: sowPart, id, position: z.number().int().min(1).max(10_000) }),
    'Move a part of a draft SOW to another place in its list (1 is the first).',
  ),
  'sows.send': write<SowDetail>()(
    z.strictObject({ id, date: isoDate.optional() }),
    'Send a draft: it is frozen from then on (its payment schedule must add up to 100 %); an earlier sent version is superseded.',
  ),
  'sows.sign': write<SowDetail>()(
    z.strictObject({ id, side: z.enum(SIGNING_SIDES), name, date: isoDate }),
    "Record one party's signature (who and when); signed by both, the SOW is signed.",
  ),
  'sows.reject': write<SowDetail>()(
    z.strictObject({ id, name: line.optional(), date: isoDate, reason: text.optional() }),
    'Record that the customer rejected a sent version (who, when, why).',
  ),
  'sows.newVersion': write<SowDetail>()(byId, 'Start the next version of an SOW as a draft, a copy of this version with all its parts.'),
  'sows.diff': read<SowDiff>()(
    z.strictObject({ fromId: id, toId: id }),
    'What changed between two versions of one SOW: field by field, long texts word by word, parts matched across versions.',
  ),

  'changeRequests.list': read<ChangeRequestSummary[]>()(
    z.strictObject({ projectId: id, sowId: id.optional(), requirementId: id.optional(), decisionId: id.optional() }),
    "The project's change requests by number (CR-001, ...); only those of an SOW, or made from a checklist item or a meeting decision, when asked.",
  ),
  'changeRequests.get': read<ChangeRequestDetail>()(byId, 'One change request with its impact worked out exactly, its SOW, who asked for it and what it came from.'),
  'changeRequests.create': write<ChangeRequestDetail>()(
    z
      .strictObject({
        projectId: id,
        /** The SOW it changes (any version's id). */
        sowId: id,
        ...z.object(changeRequestFields).partial().shape,
        /** Made from a checklist item: its title and description unless given. */
        requirementId: id.optional(),
        /** Made from a meeting's decision: its text unless given. */
        decisionId: id.optional(),
      })
      .refine((v) => v.title !== undefined || v.requirementId !== undefined || v.decisionId !== undefined, { message: 'Required', path: ['title'] }),
    "Propose a change to an SOW (numbered CR-001, CR-002, ... per project), from scratch, a checklist item or a meeting decision; extra days per role are priced at the SOW's rates.",
  ),
  'changeRequests.update': write<ChangeRequestDetail>()(patch(changeRequestFields), 'Change some fields of a proposed change request; a decided one stands as decided.'),
  'changeRequests.decide': write<ChangeRequestDetail>()(
    z.strictObject({ id, status: z.enum(CHANGE_REQUEST_DECISIONS), name, date: isoDate }),
    "Record the decision on a proposed change request (who, when): approved raises its SOW's budget, rejected or withdrawn does not.",
  ),
  'changeRequests.remove': write<{ id: string }>()(byId, 'Remove a proposed change request; its number is never given again.'),

  'time.targets': read<TimeTargets>()(z.strictObject({ projectId: id }), "Where time can be booked on a project: its SOWs' effort lines and its activities, and who books (the consultancy's people)."),
  'time.list': read<{ entries: TimeEntry[]; totals: TimeTotals }>()(
    z.strictObject(timeFilters),
    "The project's time entries, latest first, filtered by period, person, SOW, line, activity and billable, with their sums.",
  ),
  'time.create': write<TimeResult>()(
    z
      .strictObject({ projectId: id, date: isoDate, personId: id, ...z.object(timeTarget).partial().shape, hours: bookedHours, billable: z.boolean().optional(), note: text.optional() })
      .refine(oneTarget, TARGET_MESSAGE),
    "Book time: quarter hours, at most 24 a day per person (all entries of the day together), never on a rejected SOW; a date outside the SOW's validity gives a warning.",
  ),
  'time.update': write<TimeResult>()(
    patch({ date: isoDate, personId: id, ...timeTarget, hours: bookedHours, billable: z.boolean(), note: text }),
    'Change some fields of a time entry, under the same rules as booking it.',
  ),
  'time.remove': write<{ id: string }>()(byId, 'Remove a time entry.'),
  'time.setCell': write<TimeResult>()(
    z
      .strictObject({ projectId: id, personId: id, date: isoDate, ...z.object(timeTarget).partial().shape, hours })
      .refine(oneTarget, TARGET_MESSAGE),
    "The weekly grid's cell: a person's hours on one line (or activity) on one day become `hours` (0 removes the entry).",
  ),
  'time.timers': read<RunningTimer[]>()(z.strictObject({ projectId: id }), "The project's running timers."),
  'time.startTimer': write<RunningTimer>()(
    z.strictObject({ projectId: id, personId: id, ...z.object(timeTarget).partial().shape, billable: z.boolean().optional(), note: text.optional() }).refine(oneTarget, TARGET_MESSAGE),
    'Start a timer for a person (one at a time): its start is stored, so it runs on while the app is closed.',
  ),
  'time.stopTimer': write<TimeResult>()(byId, 'Stop a timer and book its time, to the nearest quarter hour (at least one), on the day it was started.'),
  'time.cancelTimer': write<{ id: string }>()(byId, 'Throw a running timer away without booking anything.'),
  'time.exportCsv': read<{ fileName: string; csv: string }>()(
    z.strictObject({ ...timeFilters, language: z.enum(['en', 'de']), delimiter: z.enum([',', ';']) }),
    'The time entries (filtered as the list) as a CSV file for billing and payroll.',
  ),
  'budget.get': read<ProjectBudget>()(
    z.strictObject({ projectId: id }),
    "The budget per SOW and for the project: planned days (SOW plus approved change requests) against days spent, per line and per role, what remains, the forecast at the current rate, warnings at 80 % and 100 %, and the burn chart's series.",
  ),
  'budget.setHoursPerDay': write<ProjectBudget>()(
    z.strictObject({ projectId: id, hours: hours.refine((v) => v >= 1, { message: 'At least 1', params: { reason: 'quarterHours' } }) }),
    "How many hours make a day of the project's budget (8 unless set).",
  ),

  'testCases.list': read<TestCase[]>()(z.strictObject({ projectId: id }), "The project's test plan in its order (T-001, ...)."),
  'testCases.makePlan': write<TestCase[]>()(
    z.strictObject({ projectId: id, language: z.enum(['en', 'de']) }),
    "Add the pack's test cases whose conditions hold for the latest workshop answers and that the plan does not have yet, in the language given; the plan as it is then.",
  ),
  'testCases.create': write<TestCase>()(
    z.strictObject({ projectId: id, ...z.object(testCaseFields).partial().shape, title: testCaseFields.title }),
    "Add a test case of the consultant's own at the end of the plan (numbered T-001, T-002, ... per project).",
  ),
  'testCases.update': write<TestCase>()(patch(testCaseFields), 'Change some fields of a test case; runs made before keep the case as it was then.'),
  'testCases.move': write<TestCase[]>()(z.strictObject({ id, position: z.number().int().min(1).max(10_000) }), 'Move a test case to another place in the plan (1 is the first).'),
  'testCases.remove': write<{ id: string }>()(byId, 'Remove a test case from the plan; its number is never given again, runs keep it.'),

  'testRuns.list': read<TestRunSummary[]>()(
    z.strictObject({ projectId: id, requirementId: id.optional() }),
    "The project's test runs, latest first, with their counts; only those with a case put on the checklist as this item, when asked.",
  ),
  'testRuns.get': read<TestRunDetail>()(byId, 'One test run with every case, its result and evidence (without the bytes), the counts and the suggested verdict.'),
  'testRuns.create': write<TestRunDetail>()(
    z.strictObject({ projectId: id, ...z.object(testRunFields).partial().shape, name: testRunFields.name }),
    'Start a run of the whole plan: every case untested, as the plan words it now.',
  ),
  'testRuns.rerun': write<TestRunDetail>()(
    z.strictObject({ id, name: name.optional() }),
    'Start a run of only the failed and blocked cases of a run, with its build and environment.',
  ),
  'testRuns.update': write<TestRunDetail>()(patch(testRunFields), 'Change some fields of an open run.'),
  'testRuns.remove': write<{ id: string }>()(byId, 'Remove an open run with its results and evidence.'),
  'testRuns.setResult': write<TestRunDetail>()(
    z
      .strictObject({
        ...runCase,
        status: z.enum(RESULT_STATUSES).optional(),
        /** The actual result per step, in the steps' order. */
        actual: z.array(text).max(100).optional(),
        comment: text.optional(),
        elapsedSeconds: z.number().int().min(0).max(10_000_000).nullable().optional(),
        defectRef: line.optional(),
      })
      .refine((v) => Object.keys(v).length > 2, { message: 'Nothing to change', path: ['caseId'] }),
    'Record what a case of an open run gave: result, actual result per step, comment, elapsed time, defect reference.',
  ),
  'testRuns.toChecklist': write<TestRunDetail>()(
    z.strictObject(runCase),
    'Put a failed case on the requirements checklist as an item, linked both ways (the result names the item, testRuns.list finds the run by it).',
  ),
  'testRuns.attach': write<TestRunDetail>()(
    z.strictObject({
      ...runCase,
      fileName: wording(300),
      mediaType: z.string().max(100),
      base64: z
        .string()
        .max(Math.ceil(MAX_EVIDENCE_BYTES / 3) * 4 + 4, `The file is larger than ${megabytes(MAX_EVIDENCE_BYTES)}`)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Expected the file as base64'),
    }),
    `Attach evidence to a case of an open run: ${EVIDENCE_TYPES.join(', ')}, up to ${megabytes(MAX_EVIDENCE_BYTES)}.`,
  ),
  'testRuns.evidence': read<EvidenceFile>()(byId, 'One evidence file with its bytes, as a data URL.'),
  'testRuns.removeEvidence': write<TestRunDetail>()(byId, 'Remove evidence from a case of an open run.'),
  'testRuns.confirmVerdict': write<TestRunDetail>()(
    z.strictObject({ id, verdict: z.enum(VERDICTS), note: text.optional(), name, date: isoDate }),
    'The verdict the consultant confirms for a complete run (who, when, a note for conditions).',
  ),
  'testRuns.signOff': write<TestRunDetail>()(
    z.strictObject({ id, customer: signatory, consultancy: signatory }),
    'Sign a complete run with a confirmed verdict off, for the customer and the consultancy: from then on it is frozen; it supersedes earlier signed runs.',
  ),

  'handover.get': read<HandoverDetail>()(z.strictObject({ projectId: id }), 'The handover to support: who is in charge on every side, known limitations, the support ticket process test and the acceptance; and which parts are missing.'),
  'handover.update': write<HandoverDetail>()(
    z
      .strictObject({
        projectId: id,
        ...z
          .object({
            knownLimitations: text,
            ticketTestBy: line,
            ticketTestOn: optionalDate,
            ticketNumber: line,
            ticketResult: z.enum(TICKET_RESULTS).nullable(),
            ticketNotes: text,
            acceptanceStatement: text,
            acceptedOn: optionalDate,
            acceptedBy: line,
          })
          .partial().shape,
      })
      .refine((v) => Object.keys(v).length > 1, { message: 'Nothing to change', path: ['projectId'] }),
    'Change some parts of the handover.',
  ),
  'handover.addContact': write<HandoverDetail>()(
    z.strictObject({ projectId: id, personId: id, level: handoverLevel.optional(), responsibility: line.optional(), reach: line.optional() }),
    "Put one of the project's people on the escalation path after the handover (level 1 is asked first).",
  ),
  'handover.updateContact': write<HandoverDetail>()(patch({ level: handoverLevel, responsibility: line, reach: line }), 'Change a contact of the escalation path.'),
  'handover.removeContact': write<HandoverDetail>()(byId, 'Take a contact off the escalation path.'),
  'projects.closingCheck': read<ClosingCheck>()(byId, 'What is still open before a project is closed: checklist items, test runs not signed off, SOWs not signed, handover parts missing.'),
  'projects.close': write<Project>()(
    z.strictObject({ id, date: isoDate, confirmOpen: z.boolean().optional() }),
    'Close a project: read-only until reopened. With anything still open (projects.closingCheck) only with confirmOpen.',
  ),
  'projects.reopen': write<Project>()(byId, 'Reopen a closed project, so it can be changed again.'),

  'credentials.list': read<CredentialList>()(
    z.strictObject({ projectId: id }),
    "The project's test accounts and credentials, secrets masked (only whether there is one and whether this installation's key opens it), each with its history; and this installation's key.",
  ),
  'credentials.create': write<Credential>()(
    z.strictObject({ projectId: id, ...credentialFields, host: line.optional(), userName: line.optional(), secret: credentialFields.secret.optional(), notes: text.optional(), startNewKey }),
    "Add a test account or credential; its secret is encrypted (AES-256-GCM) with this installation's key, made on first need.",
  ),
  'credentials.update': write<Credential>()(
    z
      .strictObject({ id, ...z.object(credentialFields).partial().shape, startNewKey })
      .refine((v) => Object.keys(v).some((k) => k !== 'id' && k !== 'startNewKey'), { message: 'Nothing to change', path: ['id'] }),
    'Change some fields of a credential; a new secret is encrypted, and the history notes that it changed, never its value.',
  ),
  'credentials.remove': write<{ id: string }>()(byId, 'Remove a credential.'),
  'credentials.reveal': write<{ secret: string }>()(byId, "A credential's secret in clear text; the reveal is noted in its history (without the secret)."),
  'credentials.copied': write<{ id: string }>()(byId, "Note in a credential's history that its secret was copied to the clipboard."),

  'systems.get': read<Inventory>()(z.strictObject({ projectId: id }), "The project's installed systems: its environments (test, staging, production), each with its hosts, their software and endpoints."),
  'systems.addEnvironment': write<Inventory>()(
    z.strictObject({ projectId: id, kind: z.enum(ENVIRONMENT_KINDS), name: environmentFields.name.optional(), notes: environmentFields.notes.optional() }),
    'Add an environment (test, staging or production) to the installed systems.',
  ),
  'systems.updateEnvironment': write<Inventory>()(patch(environmentFields), "Change an environment's kind, name or notes."),
  'systems.removeEnvironment': write<Inventory>()(byId, 'Remove an environment with its hosts.'),
  'systems.addHost': write<Inventory>()(
    z.strictObject({ environmentId: id, name: hostFields.name, ...z.object(hostFields).omit({ name: true }).partial().shape }),
    'Add a host to an environment: its name, and any of addresses, role, operating system, CPU cores, RAM and disk in GB, who operates it, configuration notes.',
  ),
  'systems.updateHost': write<Inventory>()(patch(hostFields), 'Change some fields of a host.'),
  'systems.removeHost': write<Inventory>()(byId, 'Remove a host with its software and endpoints.'),
  'systems.addPart': write<Inventory>()(
    hostPartInputs({ hostId: id }).refine((v) => v.part !== 'endpoint' || v.port !== undefined, { message: 'An endpoint needs its port', path: ['port'] }),
    "Add a part to a host: software (name, version, where its configuration lives) or a network endpoint (protocol, port 1–65535, purpose)."),
  'systems.updatePart': write<Inventory>()(
    hostPartInputs({ id }).refine((v) => Object.keys(v).length > 2, { message: 'Nothing to change', path: ['id'] }),
    "Change some fields of a host's software or endpoint.",
  ),
  'systems.removePart': write<Inventory>()(z.strictObject({ part: z.enum(['component', 'endpoint']), id }), "Remove a host's software or endpoint."),
  'systems.prefill': write<PrefillResult>()(
    z.strictObject({ projectId: id, environmentId: id }),
    'Add the hosts the workshops and the sizing tell of (load balancer, middleware nodes, MySQL primary and replicas, file store, mail, provisioning) that the environment lacks; never a second one, never changing a host there. Says what it added and from where.',
  ),
  'systems.previewHosts': read<HostListPreview>()(hostList, 'Read a host list (CSV with a header, or one host a line: name, addresses, role) without writing: the hosts it would add and every problem by line.'),
  'systems.importHosts': write<HostListResult>()(hostList, 'Add the hosts of a host list that have no problem (see systems.previewHosts); lines with a problem are left out and listed.'),

  'profile.get': read<Profile>()(none, "The consultant using this installation: name, e-mail and role (empty until given)."),
  'profile.save': write<Profile>()(
    z.strictObject({ name, email, role: line }),
    'Save who uses this installation; documents name them as author, comments and histories as who.',
  ),

  'branding.get': read<Branding>()(none, "The consultancy's branding for documents: name, address, logo, colour, footer, confidentiality."),
  'branding.save': write<Branding>()(
    z.strictObject({
      consultancyName: line,
      address: text,
      logo,
      accent: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Expected a colour as #RRGGBB'),
      footerText: line,
      confidentiality: line,
    }),
    'Save the branding every document uses.',
  ),
  'documents.export': task<ExportResult>()(
    z
      .strictObject({
        projectId: id,
        document: z.enum(DOCUMENT_KINDS),
        meetingId: id.optional(),
        /** The version of a statement of work (document sow). */
        sowId: id.optional(),
        /** The change request (document change-request). */
        changeRequestId: id.optional(),
        /** The test run (document test-protocol). */
        runId: id.optional(),
        /** The checklist as the list shows it: view, filters, search, order; grouped by phase or category. */
        checklist: z
          .strictObject({
            view: z.enum(CHECKLIST_VIEWS),
            filters: z.partialRecord(z.enum(COLUMNS), z.string().max(200)),
            search: z.string().max(200),
            sort: z.strictObject({ column: z.enum(COLUMNS), descending: z.boolean() }),
            groupBy: z.enum(CHECKLIST_GROUPINGS),
          })
          .optional(),
        /** The status report's period (default: the seven days up to today); the time report's. */
        period: z.strictObject({ from: isoDate, to: isoDate }).optional(),
        formats: z.array(z.enum(DOCUMENT_FORMATS)).min(1).max(2),
        language: z.enum(['en', 'de']),
        /** What changed since the previous version, for the revision table (optional). */
        changeNote: line.optional(),
        /**
         * Where to save each format as a file besides returning it (the command line's --out): the
         * file is put in place whole as the version is recorded, and a failure records nothing.
         */
        saveAs: z.strictObject({ pdf: absolutePath.optional(), docx: absolutePath.optional() }).optional(),
        /**
         * Also publish the files into this device's shared folder (sync.configure), never replacing
         * a file there; a failure to publish is reported with the result and leaves the export made.
         */
        publish: z.boolean().optional(),
        /**
         * Put the test accounts' secrets into this one export (documents in CREDENTIAL_DOCUMENTS
         * only; left out unless true). The export history records it.
         */
        includeCredentials: z.boolean().optional(),
      })
      .refine((v) => !v.includeCredentials || CREDENTIAL_DOCUMENTS.includes(v.document), { message: 'This document lists no test accounts, so it cannot include credentials', path: ['includeCredentials'] })
      .refine((v) => v.document !== 'minutes' || v.meetingId !== undefined, { message: 'Minutes need the meeting', path: ['meetingId'] })
      .refine((v) => v.document !== 'training' || v.meetingId !== undefined, { message: 'A training record needs the training (meetingId)', path: ['meetingId'] })
      .refine((v) => v.document !== 'sow' || v.sowId !== undefined, { message: 'A statement of work needs the SOW version (sowId)', path: ['sowId'] })
      .refine((v) => v.document !== 'change-request' || v.changeRequestId !== undefined, { message: 'A change request document needs the change request (changeRequestId)', path: ['changeRequestId'] })
      .refine((v) => v.document !== 'test-protocol' || v.runId !== undefined, { message: 'A test protocol needs the test run (runId)', path: ['runId'] })
      .refine((v) => v.document !== 'time-report' || v.period !== undefined, { message: 'A time report needs its period (period.from, period.to)', path: ['period'] })
      .refine((v) => !v.period || v.period.from <= v.period.to, { message: 'The period ends before it starts', path: ['period', 'to'] })
      .refine((v) => DOCUMENT_FORMATS.every((f) => v.saveAs?.[f] === undefined || v.formats.includes(f)), { message: 'Only a format asked for can be saved', path: ['saveAs'] })
      .refine((v) => v.saveAs?.pdf === undefined || v.saveAs.pdf !== v.saveAs.docx, { message: 'The PDF and the DOCX need a file each', path: ['saveAs', 'docx'] }),
    'Make a document as DOCX and/or PDF, and save it where asked; the export is recorded with its version and file hashes.',
  ),
  'conflicts.list': read<SyncConflict[]>()(none, 'Fields two people changed while apart: the current value and the other, who set each, on which machine and when.'),
  'conflicts.resolve': write<SyncConflict[]>()(
    z.strictObject({ stamp: z.string().min(1).max(200), keep: z.enum(CONFLICT_CHOICES) }),
    'Answer a conflict (by the other value\'s stamp): keep the current value or the other; the answer syncs.',
  ),
  'sync.run': task<SyncResult>()(
    z.strictObject({
      share: absolutePath,
      /** Publish a snapshot of this device's data now, not only when one is due. */
      snapshot: z.boolean().optional(),
    }),
    "Sync with the shared folder: this device's new changes are written to it, the others' read and merged (a new device starting from the newest snapshot); a snapshot published when due, or now with snapshot: true; a summary of what was sent, received, kept back, skipped and removed.",
  ),
  'sync.status': read<SyncStatus>()(none, "This device's shared folder, the last sync, how many of its changes wait to be sent, whether the folder is there, and how many conflicts are open."),
  'sync.configure': write<SyncStatus>()(
    z.strictObject({ sharePath: z.string().max(4096).refine((v) => v === '' || absolutePath.safeParse(v).success, { message: 'Expected a full folder path (from /, C:\\ or \\\\server), or nothing to stop syncing', params: { reason: 'folder' } }) }),
    'Set the shared folder this device syncs with (an absolute path), or \'\' to stop syncing; a folder not there now (a share not mounted) is accepted.',
  ),
  'documents.history': read<DocumentExport[]>()(z.strictObject({ projectId: id }), "The project's exported documents, latest first."),
  'documents.publish': task<DocumentExport>()(
    z
      .strictObject({
        exportId: id,
        /** The files the export made, as saved then: each must have the SHA-256 the history keeps. */
        files: z
          .array(
            z.strictObject({
              format: z.enum(DOCUMENT_FORMATS),
              base64: z.string().max(MAX_PUBLISHED_CHARS, `The file is larger than ${megabytes(MAX_PUBLISHED_CHARS * 0.75)}`).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Expected the file as base64'),
            }),
          )
          .min(1)
          .max(DOCUMENT_FORMATS.length),
      })
      .refine((v) => new Set(v.files.map((f) => f.format)).size === v.files.length, { message: 'Each format once', path: ['files'] }),
    "Publish an earlier export into this device's shared folder from the files it made (each checked against the history's SHA-256), never replacing a file there; the export records where.",
  ),

  'testResults.beginUpload': write<{ uploadId: string }>()(
    z.strictObject({ size: z.number().int().min(1).max(MAX_RESULTS_FILE_BYTES, `The file is larger than ${megabytes(MAX_RESULTS_FILE_BYTES)}`) }),
    'Start sending a results file (JMeter JTL, JUnit XML) of `size` bytes from the window, in pieces, into a temporary file in the data folder.',
  ),
  'testResults.uploadPiece': write<{ received: number; size: number }>()(
    z.strictObject({
      uploadId: id,
      /** Where the piece starts in the file: the bytes received so far. */
      offset: z.number().int().min(0).max(MAX_RESULTS_FILE_BYTES),
      base64: z
        .string()
        .min(1)
        .max(Math.ceil(MAX_UPLOAD_CHUNK_BYTES / 3) * 4, `A piece is at most ${megabytes(MAX_UPLOAD_CHUNK_BYTES)}`)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Expected the piece as base64'),
    }),
    'Append the next piece (at most 8 MB, as base64) of an upload at its offset.',
  ),
  'testResults.import': task<ImportedResults>()(
    z
      .strictObject({
        projectId: id,
        runId: id,
        fileName: line,
        /** A finished upload (testResults.beginUpload), or a path on this machine (the command line, a file dialog). */
        uploadId: id.optional(),
        path: absolutePath.optional(),
      })
      .refine((v) => (v.uploadId === undefined) !== (v.path === undefined), { message: 'Give the file as uploadId or as path, one of them', path: ['uploadId'] }),
    "Import a JMeter results file (CSV with or without header, or XML) or JUnit XML into a test run, read as a stream from a finished upload (removed afterwards) or a path: statistics per label and time series, or the suites and cases; all written in one transaction at the end. Malformed JMeter lines are counted and the first listed by line number; a file with no usable column, XML that is not JUnit nor JMeter's, or broken XML is refused.",
  ),
  'testResults.list': read<ImportedResults[]>()(z.strictObject({ runId: id }), 'The results imported into a test run, oldest first.'),
  'testResults.remove': write<{ id: string }>()(z.strictObject({ id }), 'Remove an imported results file with its figures.'),

  'sizing.get': read<ProjectSizing>()(z.strictObject({ projectId: id }), "The project's hardware sizing: inputs, assumptions and result."),
  'sizing.save': write<ProjectSizing>()(
    z.strictObject({ projectId: id, input: sizingInputSchema }),
    'Save the sizing inputs and assumptions; the result is computed and saved with them.',
  ),
} as const;

export type Api = typeof api;
export type MethodName = keyof Api;
export type MethodInput<M extends MethodName> = z.input<Api[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Api[M]['input']>;
export type MethodResult<M extends MethodName> = NonNullable<Api[M]['result']>;

export const METHOD_NAMES = Object.keys(api) as MethodName[];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(api, value);
}

/**
 * Inputs naming files on this computer for the core to write or read. Only the command line, which
 * the user runs themself, may give them: from a page (the window, the web host) they would let
 * whatever runs in that page overwrite any file the user may write, or read one (a refusal quotes
 * a results file's first line). The page downloads or uploads instead.
 */
const COMMAND_LINE_ONLY: Partial<Record<MethodName, { field: string; instead: string }>> = {
  'documents.export': { field: 'saveAs', instead: 'saves files on disk; here the document is downloaded' },
  'testResults.import': { field: 'path', instead: 'reads files by path; here the file is uploaded (testResults.beginUpload)' },
};

/** The page hosts' refusal of a command-line-only input; null when the input has none. */
export function commandLineOnly(method: unknown, input: unknown): ApiErrorBody | null {
  const rule = isMethodName(method) ? COMMAND_LINE_ONLY[method] : undefined;
  if (rule === undefined || typeof input !== 'object' || input === null || !Object.hasOwn(input, rule.field)) return null;
  return { code: 'invalid_input', field: rule.field, message: `${rule.field}: only the command line ${rule.instead}` };
}

/** How a caller reaches the API, whichever host is behind it. */
export type ApiCall = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodResult<M>>;
