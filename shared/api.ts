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
import { DOCUMENT_FORMATS, DOCUMENT_KINDS, type DocumentExport, type ExportResult } from './documents/types.ts';
import type { ApiErrorBody } from './errors.ts';
import { isIsoDate, isoDate } from './iso-date.ts';
import { CONFLICT_CHOICES, type SyncConflict, type SyncResult, type SyncStatus } from './sync.ts';
import { MAX_CSV_CHARS, MAX_PACK_CHARS, megabytes } from './limits.ts';
import { MEETING_KINDS, PRESENCES, PREVIOUS_MINUTES, type AgendaDecision, type AgendaItem, type MeetingDetail, type MeetingSummary } from './meetings/types.ts';
import type { Pack } from './workshops/pack.ts';
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
  status: z.enum(PROJECT_STATUSES),
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
};

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

const csvText = z.string().max(MAX_CSV_CHARS, `The file is larger than ${megabytes(MAX_CSV_CHARS)}`);
const csvMapping = z.array(z.enum(CSV_TARGETS).nullable()).max(100);

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
        /** The status report's period (default: the seven days up to today). */
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
      })
      .refine((v) => v.document !== 'minutes' || v.meetingId !== undefined, { message: 'Minutes need the meeting', path: ['meetingId'] })
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
    z.strictObject({ share: absolutePath }),
    "Sync with the shared folder: this device's new changes are written to it, the others' read and merged; a summary of what was sent, received, kept back and skipped.",
  ),
  'sync.status': read<SyncStatus>()(none, "This device's shared folder, the last sync, how many of its changes wait to be sent, whether the folder is there, and how many conflicts are open."),
  'sync.configure': write<SyncStatus>()(
    z.strictObject({ sharePath: z.string().max(4096).refine((v) => v === '' || absolutePath.safeParse(v).success, { message: 'Expected a full folder path (from /, C:\\ or \\\\server), or nothing to stop syncing', params: { reason: 'folder' } }) }),
    'Set the shared folder this device syncs with (an absolute path), or \'\' to stop syncing; a folder not there now (a share not mounted) is accepted.',
  ),
  'documents.history': read<DocumentExport[]>()(z.strictObject({ projectId: id }), "The project's exported documents, latest first."),

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
 * Inputs naming files on this computer for the core to write. Only the command line, which the
 * user runs themself, may give them: from a page (the window, the web host) they would let
 * whatever runs in that page overwrite any file the user may write. The page downloads instead.
 */
const COMMAND_LINE_ONLY: Partial<Record<MethodName, string>> = { 'documents.export': 'saveAs' };

/** The page hosts' refusal of a command-line-only input; null when the input has none. */
export function commandLineOnly(method: unknown, input: unknown): ApiErrorBody | null {
  const field = isMethodName(method) ? COMMAND_LINE_ONLY[method] : undefined;
  if (field === undefined || typeof input !== 'object' || input === null || !Object.hasOwn(input, field)) return null;
  return { code: 'invalid_input', field, message: `${field}: only the command line saves files on disk; here the document is downloaded` };
}

/** How a caller reaches the API, whichever host is behind it. */
export type ApiCall = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodResult<M>>;
