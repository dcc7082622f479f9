// Every API method through the same dispatcher the hosts use: what it does, and that bad input
// (a missing field, a wrong type, an unknown id) is refused with an error naming the field while
// the database stays exactly as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES, type MethodName } from '../../shared/api.ts';
import { SCHEMA_VERSION } from '../../electron/core/db/migrations.ts';
import type { Activity, Customer, Membership, Person, PersonDetail, Project, ProjectDetail, ProjectListItem } from '../../shared/domain.ts';
import type { Requirement } from '../../shared/checklist/types.ts';
import type { HandoverDetail } from '../../shared/handover/types.ts';
import type { Credential } from '../../shared/credentials/types.ts';
import type { Inventory } from '../../shared/systems/types.ts';
import type { LessonsDetail } from '../../shared/lessons/types.ts';
import type { AgendaDecision, AgendaItem, MeetingDetail } from '../../shared/meetings/types.ts';
import { ApiError } from '../../shared/errors.ts';
import { refused } from '../support/refused.ts';
import type { SowDetail } from '../../shared/sows/types.ts';
import type { ChangeRequestDetail } from '../../shared/change-requests/types.ts';
import type { RunningTimer, TimeResult } from '../../shared/time/types.ts';
import type { TestCase, TestRunDetail } from '../../shared/test-protocol/types.ts';
import type { Decision, OpenQuestion, WorkshopSession } from '../../shared/workshops/types.ts';
import { defaultSizingInput } from '../../shared/workshops/sizing.ts';
import type { Core } from '../../electron/core/core.ts';
import { dumpDatabase, openTestCore, removeTempDirs, tempDir } from '../support/temp-store.ts';

const MISSING_ID = '01a20f34-fa71-7502-8018-087eb9ad0250';
const PNG_DOT = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

let core: Core;
let customer: Customer;
let detail: ProjectDetail;
let person: Person;
let member: Membership;
let custom: Activity;
let session: WorkshopSession;
let question: OpenQuestion;
let decision: Decision;
let meeting: MeetingDetail;
let agendaItem: AgendaItem;
let agendaDecision: AgendaDecision;
let requirement: Requirement;
let sow: SowDetail;

beforeEach(() => {
  core = openTestCore();
  customer = core.call('customers.create', { name: 'Stadtwerke Nordhafen', address: 'Hafenstraße 12' }) as Customer;
  detail = core.call('projects.create', { customerId: customer.id, name: 'Webmail 2027' }) as ProjectDetail;
  person = core.call('people.create', { name: 'Jonas Weber', side: 'customer' }) as Person;
  member = core.call('members.add', { projectId: detail.project.id, personId: person.id, role: 'Mail admin' }) as Membership;
  custom = core.call('activities.add', { projectId: detail.project.id, phase: 'concept', title: 'Visit data centre' }) as Activity;
  session = core.call('sessions.create', { projectId: detail.project.id, topicKey: 'authentication', date: '2026-11-20' }) as WorkshopSession;
  question = core.call('questions.add', { projectId: detail.project.id, topicKey: 'authentication', text: 'Which LDAP attribute holds the login?' }) as OpenQuestion;
  decision = core.call('decisions.add', { projectId: detail.project.id, topicKey: 'authentication', text: 'Authentication against LDAP' }) as Decision;
  meeting = core.call('meetings.create', { projectId: detail.project.id, kind: 'status_call' }) as MeetingDetail;
  agendaItem = core.call('agenda.add', { meetingId: meeting.meeting.id, title: 'Checklist' }) as AgendaItem;
  agendaDecision = core.call('agenda.decide', { agendaItemId: agendaItem.id, text: 'Weekly on Fridays' }) as AgendaDecision;
  requirement = core.call('requirements.create', { projectId: detail.project.id, title: 'Provide test accounts', agendaItemId: agendaItem.id }) as Requirement;
  sow = core.call('sows.create', { projectId: detail.project.id, title: 'Pilot' }) as SowDetail;
  core.call('sowItems.add', { sowId: sow.sow.id, part: 'effort', role: 'Consultant', dayHundredths: 200, dailyRate: { minor: 115_000, currency: 'EUR' } });
  sow = core.call('sowItems.add', { sowId: sow.sow.id, part: 'payment', label: 'On signature', percentBasisPoints: 10_000 }) as SowDetail;
});
afterEach(() => {
  core.close();
  removeTempDirs();
});

/** The SOW sent, as signing, rejecting and new versions need it. */
function sentSow(): SowDetail {
  return core.call('sows.send', { id: sow.sow.id }) as SowDetail;
}

/** A consultant on the project: who books time. */
/** A contact on the handover's escalation path. */
function handoverContact(): string {
  const added = core.call('handover.addContact', { projectId: detail.project.id, personId: person.id }) as HandoverDetail;
  return added.contacts[0]!.id;
}

/** A test account with a secret, encrypted with the test key. */
function credential(): string {
  return (core.call('credentials.create', { projectId: detail.project.id, service: 'IMAP', userName: 'test01', secret: 'imap-secret-4711' }) as Credential).id;
}

/** An environment of the installed systems, a host in it, and a part of the host. */
function environment(): string {
  const inventory = core.call('systems.addEnvironment', { projectId: detail.project.id, kind: 'test' }) as Inventory;
  return inventory.environments.at(-1)!.id;
}
function host(): string {
  const inventory = core.call('systems.addHost', { environmentId: environment(), name: 'mw01.example.com' }) as Inventory;
  return inventory.environments.at(-1)!.hosts[0]!.id;
}
function component(): string {
  const hostId = host();
  const inventory = core.call('systems.addPart', { part: 'component', hostId, name: 'Dovecot', version: '2.3.21' }) as Inventory;
  return inventory.environments.flatMap((e) => e.hosts).find((h) => h.id === hostId)!.components[0]!.id;
}

/** A project of its own to close (closing the fixture's would leave the other cases nothing to change). */
function closable(): string {
  return (core.call('projects.create', { customerId: customer.id, name: 'Finished' }) as ProjectDetail).project.id;
}

function consultant(): string {
  const consultancy = core.call('people.create', { name: 'Miriam Kaya', side: 'consultancy' }) as Person;
  core.call('members.add', { projectId: detail.project.id, personId: consultancy.id, role: 'Consultant' });
  return consultancy.id;
}

/** Time booked on the SOW's line, by a new consultant. */
function booking(): Record<string, unknown> {
  return { projectId: detail.project.id, date: '2026-12-01', personId: consultant(), sowId: sow.sow.id, lineId: sow.effortLines[0]!.originId, hours: 1.5 };
}

function changeRequest(): ChangeRequestDetail {
  return core.call('changeRequests.create', { projectId: detail.project.id, sowId: sow.sow.id, title: 'More users', effort: [{ role: 'Consultant', dayHundredths: 100 }] }) as ChangeRequestDetail;
}

function timer(): RunningTimer {
  const { personId: _personId, date: _date, hours: _hours, ...target } = booking();
  return core.call('time.startTimer', { ...target, personId: consultant() }) as RunningTimer;
}

function testCase(): TestCase {
  return core.call('testCases.create', { projectId: detail.project.id, title: 'Login', steps: [{ action: 'Log in', expected: 'The portal opens' }] }) as TestCase;
}

/** A run of a one-case plan; passed, and with a confirmed verdict, as the verdict and the sign-off need. */
function testRun(state: 'open' | 'complete' | 'confirmed' = 'open'): TestRunDetail {
  const caseId = testCase().id;
  const run = core.call('testRuns.create', { projectId: detail.project.id, name: 'Approval run' }) as TestRunDetail;
  if (state !== 'open') core.call('testRuns.setResult', { runId: run.run.id, caseId, status: state === 'complete' ? 'passed' : 'failed' });
  if (state === 'confirmed') core.call('testRuns.confirmVerdict', { id: run.run.id, verdict: 'approved-with-conditions', name: 'Jonas Weber', date: '2026-12-02' });
  return core.call('testRuns.get', { id: run.run.id }) as TestRunDetail;
}

/** A training with the fixture's customer person present, as feedback needs. */
function training(): MeetingDetail {
  const made = core.call('meetings.create', { projectId: detail.project.id, kind: 'training' }) as MeetingDetail;
  return core.call('meetings.setAttendee', { meetingId: made.meeting.id, personId: person.id, presence: 'present' }) as MeetingDetail;
}

function material(): string {
  const detail = core.call('training.addMaterial', { meetingId: training().meeting.id, name: 'Admin slides', link: 'https://wiki.example/ox-admin' }) as MeetingDetail;
  return detail.materials[0]!.id;
}

function lessonNote(): string {
  return (core.call('lessons.addNote', { projectId: detail.project.id, kind: 'went_well', text: 'Workshops early' }) as LessonsDetail).notes[0]!.id;
}

function retroAction(): string {
  return (core.call('lessons.addAction', { projectId: detail.project.id, text: 'Sizing template' }) as LessonsDetail).actions[0]!.id;
}

const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==';
const signatory = { name: 'Anja Petersen', role: 'CIO', organisation: 'Nordhafen', date: '2026-12-03' };

const refusal = (method: MethodName, input: unknown): ApiError => refused(core, method, input);

/** The same for any method, tasks included: their refusals may come as a rejected promise. */
async function settledRefusal(method: MethodName, input: unknown): Promise<ApiError> {
  const before = dumpDatabase(core);
  let caught: unknown;
  try {
    await core.call(method, input);
  } catch (error) {
    caught = error;
  }
  expect(caught, `${method} should refuse ${JSON.stringify(input)}`).toBeInstanceOf(ApiError);
  expect(dumpDatabase(core), `${method} must leave the database unchanged`).toEqual(before);
  return caught as ApiError;
}

interface BadInputCases {
  /** A valid input, from which the bad ones are derived. */
  valid: () => Record<string, unknown>;
  /** A required field to leave out (absent for methods without required fields). */
  required?: string;
  /** A field and a value of the wrong type. */
  wrongType?: [string, unknown];
  /** A field holding an id; an unknown id must give not_found naming it. */
  idField?: string;
  /** Where the valid input is accepted, when that needs a state this fixture lacks (a damaged database). */
  acceptedElsewhere?: string;
}

const CASES: Record<MethodName, BadInputCases> = {
  'app.info': { valid: () => ({}), wrongType: ['extra', 1] },
  'database.restoreBackup': {
    valid: () => ({ file: 'backups/fieldbook-2026-11-30T13-48-05Z.sqlite' }),
    required: 'file',
    wrongType: ['file', 7],
    acceptedElsewhere: 'test/integration/database-safety.test.ts',
  },
  'customers.list': { valid: () => ({}), wrongType: ['includeArchived', 'yes'] },
  'customers.get': { valid: () => ({ id: customer.id }), required: 'id', wrongType: ['id', 42], idField: 'id' },
  'customers.create': { valid: () => ({ name: 'New', address: 'x' }), required: 'name', wrongType: ['address', 7] },
  'customers.update': { valid: () => ({ id: customer.id, notes: 'n' }), required: 'id', wrongType: ['notes', false], idField: 'id' },
  'customers.archive': { valid: () => ({ id: customer.id, archived: true }), required: 'archived', wrongType: ['archived', 'true'], idField: 'id' },
  'projects.list': { valid: () => ({ phase: 'concept' }), wrongType: ['phase', 'testing'] },
  'projects.get': { valid: () => ({ id: detail.project.id }), required: 'id', wrongType: ['id', null], idField: 'id' },
  'projects.create': {
    valid: () => ({ customerId: customer.id, name: 'Second' }),
    required: 'name',
    wrongType: ['mailboxes', '120000'],
    idField: 'customerId',
  },
  'projects.update': { valid: () => ({ id: detail.project.id, name: 'Renamed' }), required: 'id', wrongType: ['targetDate', '31.12.2027'], idField: 'id' },
  'projects.setPhase': {
    valid: () => ({ id: detail.project.id, phase: 'concept', confirmWithoutGo: true }),
    required: 'phase',
    wrongType: ['confirmWithoutGo', 1],
    idField: 'id',
  },
  'projects.updateStatusNotes': {
    valid: () => ({ id: detail.project.id, light: 'amber', lightReason: 'The LDAP schema is late' }),
    required: 'id',
    wrongType: ['light', 'purple'],
    idField: 'id',
  },
  'projects.recordGate': {
    valid: () => ({ id: detail.project.id, decision: 'go', date: '2026-11-20', decidedBy: 'CIO', rationale: 'POC ok', conditions: '' }),
    required: 'decision',
    wrongType: ['date', 20261120],
    idField: 'id',
  },
  'projects.createSample': { valid: () => ({ language: 'de' }), wrongType: ['language', 'fr'] },
  'activities.update': { valid: () => ({ id: detail.activities[0]!.id, status: 'done' }), required: 'id', wrongType: ['status', 'finished'], idField: 'id' },
  'activities.add': {
    valid: () => ({ projectId: detail.project.id, phase: 'approval', title: 'Party' }),
    required: 'title',
    wrongType: ['phase', 3],
    idField: 'projectId',
  },
  'activities.remove': { valid: () => ({ id: custom.id }), required: 'id', wrongType: ['id', []], idField: 'id' },
  'people.list': { valid: () => ({ search: 'jo' }), wrongType: ['search', 5] },
  'people.get': { valid: () => ({ id: person.id }), required: 'id', wrongType: ['id', 7], idField: 'id' },
  'people.create': { valid: () => ({ name: 'Miriam Kaya', side: 'consultancy' }), required: 'side', wrongType: ['email', 'not-an-address'] },
  'people.update': { valid: () => ({ id: person.id, phone: '+49 40 1' }), required: 'id', wrongType: ['side', 'vendor'], idField: 'id' },
  'members.add': {
    valid: () => ({ projectId: detail.project.id, personId: (core.call('people.create', { name: 'P', side: 'partner' }) as Person).id }),
    required: 'personId',
    wrongType: ['role', 1],
    idField: 'personId',
  },
  'members.update': { valid: () => ({ id: member.id, role: 'Lead' }), required: 'id', wrongType: ['responsibilities', {}], idField: 'id' },
  'members.remove': { valid: () => ({ id: member.id }), required: 'id', wrongType: ['id', true], idField: 'id' },
  'packs.list': { valid: () => ({}), wrongType: ['id', 1] },
  'packs.get': { valid: () => ({ id: 'ox-app-suite', version: 1 }), required: 'id', wrongType: ['version', '1'] },
  'packs.import': { valid: () => ({ json: JSON.stringify(core.call('packs.get', { id: 'ox-app-suite' })) }), required: 'json', wrongType: ['json', {}] },
  'packs.export': { valid: () => ({ id: 'ox-app-suite' }), required: 'id', wrongType: ['version', 0] },
  'workshops.overview': { valid: () => ({ projectId: detail.project.id }), required: 'projectId', wrongType: ['projectId', 3], idField: 'projectId' },
  'workshops.topic': {
    valid: () => ({ projectId: detail.project.id, topicKey: 'storage' }),
    required: 'topicKey',
    wrongType: ['topicKey', 5],
    idField: 'projectId',
  },
  'sessions.create': {
    valid: () => ({ projectId: detail.project.id, topicKey: 'branding' }),
    required: 'topicKey',
    wrongType: ['date', '20.11.2026'],
    idField: 'projectId',
  },
  'sessions.update': { valid: () => ({ id: session.id, notes: 'Room 4' }), required: 'id', wrongType: ['attendees', 'Jonas'], idField: 'id' },
  'sessions.remove': { valid: () => ({ id: session.id }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'answers.set': {
    valid: () => ({ sessionId: session.id, field: 'authPlugin', value: 'ldap' }),
    required: 'value',
    wrongType: ['field', 7],
    idField: 'sessionId',
  },
  'questions.add': {
    valid: () => ({ projectId: detail.project.id, topicKey: 'authentication', text: 'Who runs the LDAP?', ownerId: person.id, dueDate: '2026-12-01' }),
    required: 'text',
    wrongType: ['dueDate', 20261201],
    idField: 'ownerId',
  },
  'questions.update': { valid: () => ({ id: question.id, status: 'answered', answer: 'uid' }), required: 'id', wrongType: ['status', 'closed'], idField: 'id' },
  'questions.remove': { valid: () => ({ id: question.id }), required: 'id', wrongType: ['id', null], idField: 'id' },
  'decisions.add': {
    valid: () => ({ projectId: detail.project.id, topicKey: 'authentication', text: 'SSO via SAML' }),
    required: 'text',
    wrongType: ['sessionId', 1],
    idField: 'projectId',
  },
  'decisions.update': { valid: () => ({ id: decision.id, text: 'LDAP with TLS' }), required: 'id', wrongType: ['fieldKey', 1], idField: 'id' },
  'decisions.remove': { valid: () => ({ id: decision.id }), required: 'id', wrongType: ['id', {}], idField: 'id' },
  'meetings.list': { valid: () => ({ projectId: detail.project.id }), required: 'projectId', wrongType: ['projectId', 1], idField: 'projectId' },
  'meetings.get': { valid: () => ({ id: meeting.meeting.id }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'meetings.create': {
    valid: () => ({ projectId: detail.project.id, kind: 'status_call', startsAt: '2026-11-27T10:00' }),
    required: 'kind',
    wrongType: ['startsAt', '27.11.2026 10:00'],
    idField: 'projectId',
  },
  'meetings.update': { valid: () => ({ id: meeting.meeting.id, chairId: person.id, topicKeys: ['storage'] }), required: 'id', wrongType: ['durationMinutes', '1h'], idField: 'chairId' },
  'meetings.remove': { valid: () => ({ id: meeting.meeting.id }), required: 'id', wrongType: ['id', []], idField: 'id' },
  'meetings.setAttendee': {
    valid: () => ({ meetingId: meeting.meeting.id, personId: person.id, presence: 'apologies' }),
    required: 'presence',
    wrongType: ['presence', 'late'],
    idField: 'personId',
  },
  'agenda.add': { valid: () => ({ meetingId: meeting.meeting.id, title: 'Migration plan', afterId: agendaItem.id }), required: 'meetingId', wrongType: ['title', 1], idField: 'afterId' },
  'agenda.update': { valid: () => ({ id: agendaItem.id, notes: 'Discussed the pilot' }), required: 'id', wrongType: ['notes', 1], idField: 'id' },
  'agenda.remove': { valid: () => ({ id: agendaItem.id }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'agenda.decide': { valid: () => ({ agendaItemId: agendaItem.id, text: 'Pilot in January' }), required: 'text', wrongType: ['text', 1], idField: 'agendaItemId' },
  'agenda.updateDecision': { valid: () => ({ id: agendaDecision.id, text: 'Pilot in February' }), required: 'text', wrongType: ['text', false], idField: 'id' },
  'agenda.removeDecision': { valid: () => ({ id: agendaDecision.id }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'training.topics': { valid: () => ({ projectId: detail.project.id }), required: 'projectId', wrongType: ['projectId', 1], idField: 'projectId' },
  'training.setFeedback': {
    valid: () => ({ meetingId: training().meeting.id, personId: person.id, score: 4, comment: 'Clear' }),
    required: 'meetingId',
    wrongType: ['score', 'good'],
    idField: 'meetingId',
  },
  'training.addMaterial': {
    valid: () => ({ meetingId: training().meeting.id, name: 'login.png', mediaType: 'image/png', base64: PNG_BASE64 }),
    required: 'name',
    wrongType: ['base64', 'not base64!'],
    idField: 'meetingId',
  },
  'training.material': { valid: () => ({ id: material() }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'training.removeMaterial': { valid: () => ({ id: material() }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'lessons.get': { valid: () => ({ projectId: detail.project.id }), required: 'projectId', wrongType: ['projectId', 1], idField: 'projectId' },
  'lessons.update': {
    valid: () => ({ projectId: detail.project.id, feedbackMeetingId: (core.call('meetings.create', { projectId: detail.project.id, kind: 'retrospective' }) as MeetingDetail).meeting.id, feedbackBy: 'Anja Petersen' }),
    required: 'projectId',
    wrongType: ['feedbackBy', 1],
    idField: 'feedbackMeetingId',
  },
  'lessons.setFeedback': { valid: () => ({ projectId: detail.project.id, questionKey: 'communication', score: 4, comment: 'Weekly calls helped' }), required: 'questionKey', wrongType: ['score', '4'], idField: 'projectId' },
  'lessons.addNote': { valid: () => ({ projectId: detail.project.id, kind: 'personal', text: 'Ask for the LDAP schema first', authorId: person.id }), required: 'kind', wrongType: ['kind', 'other'], idField: 'authorId' },
  'lessons.updateNote': { valid: () => ({ id: lessonNote(), text: 'Workshops early, with the admins' }), required: 'id', wrongType: ['text', 1], idField: 'id' },
  'lessons.removeNote': { valid: () => ({ id: lessonNote() }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'lessons.addAction': {
    valid: () => ({ projectId: detail.project.id, text: 'Sizing template for the pack', ownerId: consultant(), dueDate: '2027-01-15', followUpProjectId: closable() }),
    required: 'text',
    wrongType: ['dueDate', '15.1.'],
    idField: 'followUpProjectId',
  },
  'lessons.updateAction': { valid: () => ({ id: retroAction(), dueDate: '2027-02-01', followUpProjectId: closable() }), required: 'id', wrongType: ['dueDate', 1], idField: 'followUpProjectId' },
  'lessons.removeAction': { valid: () => ({ id: retroAction() }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'lessons.actionOrigin': { valid: () => ({ requirementId: requirement.id }), required: 'requirementId', wrongType: ['requirementId', 1], idField: 'requirementId' },
  'requirements.list': { valid: () => ({ projectId: detail.project.id }), required: 'projectId', wrongType: ['projectId', 1], idField: 'projectId' },
  'requirements.get': { valid: () => ({ id: requirement.id }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'requirements.create': {
    valid: () => ({ projectId: detail.project.id, title: 'Open firewall port 993', responsibleId: person.id, dueDate: '2026-12-04', ownerSide: 'customer' }),
    required: 'title',
    wrongType: ['dueDate', '4.12.'],
    idField: 'responsibleId',
  },
  'requirements.update': { valid: () => ({ id: requirement.id, status: 'done', meetingId: meeting.meeting.id }), required: 'id', wrongType: ['status', 'finished'], idField: 'meetingId' },
  // An unknown id in the list: see 'the checklist' below.
  'requirements.setStatus': { valid: () => ({ ids: [requirement.id], status: 'blocked' }), required: 'status', wrongType: ['ids', 'R-001'] },
  'requirements.review': { valid: () => ({ id: requirement.id, meetingId: meeting.meeting.id }), required: 'meetingId', wrongType: ['meetingId', 1], idField: 'meetingId' },
  'requirements.remove': { valid: () => ({ id: requirement.id }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'requirements.comment': { valid: () => ({ id: requirement.id, text: 'Asked the network team' }), required: 'text', wrongType: ['text', 1], idField: 'id' },
  'requirements.previewImport': { valid: () => ({ projectId: detail.project.id, csv: 'Title\nBackup' }), required: 'csv', wrongType: ['csv', 1], idField: 'projectId' },
  'requirements.import': {
    valid: () => ({ projectId: detail.project.id, csv: 'Title\nBackup', mapping: ['title'] }),
    required: 'mapping',
    wrongType: ['mapping', 'title'],
    idField: 'projectId',
  },
  'requirements.exportCsv': {
    valid: () => ({ projectId: detail.project.id, language: 'de', delimiter: ';' }),
    required: 'language',
    wrongType: ['delimiter', '\t'],
    idField: 'projectId',
  },
  'sows.list': { valid: () => ({ projectId: detail.project.id }), required: 'projectId', wrongType: ['projectId', 1], idField: 'projectId' },
  'sows.get': { valid: () => ({ id: sow.sow.id }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'sows.templates': { valid: () => ({ projectId: detail.project.id, language: 'de' }), required: 'language', wrongType: ['language', 'fr'], idField: 'projectId' },
  'sows.create': {
    valid: () => ({ projectId: detail.project.id, templateKey: 'ox-implementation', fromWorkshops: true, language: 'de' }),
    required: 'projectId',
    wrongType: ['currency', 'EURO'],
    idField: 'projectId',
  },
  'sows.update': { valid: () => ({ id: sow.sow.id, discountBasisPoints: 500 }), required: 'id', wrongType: ['discountBasisPoints', -1], idField: 'id' },
  'sows.remove': { valid: () => ({ id: sow.sow.id }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'sowItems.add': {
    valid: () => ({ sowId: sow.sow.id, part: 'effort', role: 'Senior consultant', dayHundredths: 250, dailyRate: { minor: 145_000, currency: 'EUR' } }),
    required: 'sowId',
    wrongType: ['dayHundredths', -25],
    idField: 'sowId',
  },
  'sowItems.update': { valid: () => ({ part: 'effort', id: sow.effortLines[0]!.id, dayHundredths: 300 }), required: 'id', wrongType: ['dayHundredths', '3 days'], idField: 'id' },
  'sowItems.remove': { valid: () => ({ part: 'effort', id: sow.effortLines[0]!.id }), required: 'part', wrongType: ['part', 'line'], idField: 'id' },
  'sowItems.move': { valid: () => ({ part: 'payment', id: sow.payments[0]!.id, position: 1 }), required: 'position', wrongType: ['position', 0], idField: 'id' },
  'sows.send': { valid: () => ({ id: sow.sow.id }), required: 'id', wrongType: ['date', '1.12.2026'], idField: 'id' },
  'sows.sign': { valid: () => ({ id: sentSow().sow.id, side: 'customer', name: 'Jonas Weber', date: '2099-01-04' }), required: 'side', wrongType: ['side', 'vendor'], idField: 'id' },
  'sows.reject': { valid: () => ({ id: sentSow().sow.id, date: '2099-01-04', reason: 'Too early' }), required: 'date', wrongType: ['reason', 1], idField: 'id' },
  'sows.newVersion': { valid: () => ({ id: sentSow().sow.id }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'sows.diff': {
    valid: () => ({ fromId: sentSow().sow.id, toId: (core.call('sows.newVersion', { id: sow.sow.id }) as SowDetail).sow.id }),
    required: 'toId',
    wrongType: ['fromId', 1],
    idField: 'toId',
  },
  'changeRequests.list': { valid: () => ({ projectId: detail.project.id }), required: 'projectId', wrongType: ['projectId', 1], idField: 'projectId' },
  'changeRequests.get': { valid: () => ({ id: changeRequest().changeRequest.id }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'changeRequests.create': {
    valid: () => ({ projectId: detail.project.id, sowId: sow.sow.id, title: 'More users', effort: [{ role: 'Consultant', dayHundredths: 150 }] }),
    required: 'sowId',
    wrongType: ['effort', 'two days'],
    idField: 'sowId',
  },
  'changeRequests.update': { valid: () => ({ id: changeRequest().changeRequest.id, reason: 'Twice the users' }), required: 'id', wrongType: ['reason', 5], idField: 'id' },
  'changeRequests.decide': {
    valid: () => ({ id: changeRequest().changeRequest.id, status: 'approved', name: 'Jonas Weber', date: '2026-12-02' }),
    required: 'status',
    wrongType: ['status', 'maybe'],
    idField: 'id',
  },
  'changeRequests.remove': { valid: () => ({ id: changeRequest().changeRequest.id }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'time.targets': { valid: () => ({ projectId: detail.project.id }), required: 'projectId', wrongType: ['projectId', 1], idField: 'projectId' },
  'time.list': { valid: () => ({ projectId: detail.project.id }), required: 'projectId', wrongType: ['from', '1.12.2026'], idField: 'projectId' },
  'time.create': { valid: booking, required: 'date', wrongType: ['hours', 1.3], idField: 'personId' },
  'time.update': { valid: () => ({ id: (core.call('time.create', booking()) as TimeResult).entry!.id, hours: 2 }), required: 'id', wrongType: ['hours', -1], idField: 'id' },
  'time.remove': { valid: () => ({ id: (core.call('time.create', booking()) as TimeResult).entry!.id }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'time.setCell': { valid: () => ({ ...booking(), hours: 2 }), required: 'hours', wrongType: ['hours', 0.3], idField: 'lineId' },
  'time.timers': { valid: () => ({ projectId: detail.project.id }), required: 'projectId', wrongType: ['projectId', 1], idField: 'projectId' },
  'time.startTimer': {
    valid: () => {
      const { date: _date, hours: _hours, ...input } = booking();
      return input;
    },
    required: 'personId',
    wrongType: ['billable', 'yes'],
    idField: 'sowId',
  },
  'time.stopTimer': { valid: () => ({ id: timer().id }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'time.cancelTimer': { valid: () => ({ id: timer().id }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'time.exportCsv': { valid: () => ({ projectId: detail.project.id, language: 'de', delimiter: ';' }), required: 'delimiter', wrongType: ['delimiter', '|'], idField: 'projectId' },
  'budget.get': { valid: () => ({ projectId: detail.project.id }), required: 'projectId', wrongType: ['projectId', 1], idField: 'projectId' },
  'budget.setHoursPerDay': { valid: () => ({ projectId: detail.project.id, hours: 7.5 }), required: 'hours', wrongType: ['hours', 7.3], idField: 'projectId' },
  'testCases.list': { valid: () => ({ projectId: detail.project.id }), required: 'projectId', wrongType: ['projectId', 1], idField: 'projectId' },
  'testCases.makePlan': { valid: () => ({ projectId: detail.project.id, language: 'de' }), required: 'language', wrongType: ['language', 'fr'], idField: 'projectId' },
  'testCases.create': { valid: () => ({ projectId: detail.project.id, title: 'Login' }), required: 'title', wrongType: ['steps', 'log in'], idField: 'projectId' },
  'testCases.update': { valid: () => ({ id: testCase().id, priority: 'high' }), required: 'id', wrongType: ['priority', 'urgent'], idField: 'id' },
  'testCases.move': { valid: () => ({ id: testCase().id, position: 1 }), required: 'position', wrongType: ['position', 0], idField: 'id' },
  'testCases.remove': { valid: () => ({ id: testCase().id }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'testRuns.list': { valid: () => ({ projectId: detail.project.id }), required: 'projectId', wrongType: ['projectId', 1], idField: 'projectId' },
  'testRuns.get': { valid: () => ({ id: testRun().run.id }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'testRuns.create': {
    valid: () => (testCase(), { projectId: detail.project.id, name: 'Approval run', environment: 'staging' }),
    required: 'name',
    wrongType: ['environment', 'lab'],
    idField: 'projectId',
  },
  'testRuns.rerun': { valid: () => ({ id: testRun('confirmed').run.id }), required: 'id', wrongType: ['name', 3], idField: 'id' },
  'testRuns.update': { valid: () => ({ id: testRun().run.id, build: '8.21.3' }), required: 'id', wrongType: ['startDate', '1.12.2026'], idField: 'id' },
  'testRuns.remove': { valid: () => ({ id: testRun().run.id }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'testRuns.setResult': {
    valid: () => {
      const run = testRun();
      return { runId: run.run.id, caseId: run.results[0]!.caseId, status: 'passed' };
    },
    required: 'caseId',
    wrongType: ['status', 'ok'],
    idField: 'runId',
  },
  'testRuns.toChecklist': {
    valid: () => {
      const run = testRun('confirmed');
      return { runId: run.run.id, caseId: run.results[0]!.caseId };
    },
    required: 'caseId',
    wrongType: ['caseId', 1],
    idField: 'runId',
  },
  'testRuns.attach': {
    valid: () => {
      const run = testRun();
      return { runId: run.run.id, caseId: run.results[0]!.caseId, fileName: 'login.png', mediaType: 'image/png', base64: PNG_BASE64 };
    },
    required: 'base64',
    wrongType: ['base64', 'not base64!'],
    idField: 'runId',
  },
  'testRuns.evidence': {
    valid: () => {
      const run = testRun();
      const attached = core.call('testRuns.attach', { runId: run.run.id, caseId: run.results[0]!.caseId, fileName: 'login.png', mediaType: 'image/png', base64: PNG_BASE64 }) as TestRunDetail;
      return { id: attached.results[0]!.evidence[0]!.id };
    },
    required: 'id',
    wrongType: ['id', 1],
    idField: 'id',
  },
  'testRuns.removeEvidence': {
    valid: () => {
      const run = testRun();
      const attached = core.call('testRuns.attach', { runId: run.run.id, caseId: run.results[0]!.caseId, fileName: 'log.txt', mediaType: 'text/plain', base64: 'bG9n' }) as TestRunDetail;
      return { id: attached.results[0]!.evidence[0]!.id };
    },
    required: 'id',
    wrongType: ['id', 1],
    idField: 'id',
  },
  'testRuns.confirmVerdict': {
    valid: () => ({ id: testRun('complete').run.id, verdict: 'approved', name: 'Jonas Weber', date: '2026-12-02' }),
    required: 'verdict',
    wrongType: ['verdict', 'fine'],
    idField: 'id',
  },
  'testRuns.signOff': {
    valid: () => ({ id: testRun('confirmed').run.id, customer: signatory, consultancy: { ...signatory, name: 'Miriam Kaya', organisation: 'OX Services' } }),
    required: 'consultancy',
    wrongType: ['customer', 'Anja'],
    idField: 'id',
  },
  'handover.get': { valid: () => ({ projectId: detail.project.id }), required: 'projectId', wrongType: ['projectId', 1], idField: 'projectId' },
  'handover.update': { valid: () => ({ projectId: detail.project.id, ticketNumber: 'INC-4711' }), required: 'projectId', wrongType: ['ticketResult', 'ok'], idField: 'projectId' },
  'handover.addContact': { valid: () => ({ projectId: detail.project.id, personId: person.id, level: 1 }), required: 'personId', wrongType: ['level', 4], idField: 'personId' },
  'handover.updateContact': { valid: () => ({ id: handoverContact(), level: 2 }), required: 'id', wrongType: ['level', 0], idField: 'id' },
  'handover.removeContact': { valid: () => ({ id: handoverContact() }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'projects.closingCheck': { valid: () => ({ id: detail.project.id }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'projects.close': { valid: () => ({ id: closable(), date: '2026-12-18', confirmOpen: true }), required: 'date', wrongType: ['confirmOpen', 'yes'], idField: 'id' },
  'projects.reopen': { valid: () => ({ id: detail.project.id }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'credentials.list': { valid: () => ({ projectId: detail.project.id }), required: 'projectId', wrongType: ['projectId', 1], idField: 'projectId' },
  'credentials.create': { valid: () => ({ projectId: detail.project.id, service: 'SMTP', secret: 'smtp-secret' }), required: 'service', wrongType: ['secret', 42], idField: 'projectId' },
  'credentials.update': { valid: () => ({ id: credential(), secret: 'new-secret' }), required: 'id', wrongType: ['startNewKey', 'yes'], idField: 'id' },
  'credentials.remove': { valid: () => ({ id: credential() }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'credentials.reveal': { valid: () => ({ id: credential() }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'credentials.copied': { valid: () => ({ id: credential() }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'systems.get': { valid: () => ({ projectId: detail.project.id }), required: 'projectId', wrongType: ['projectId', 1], idField: 'projectId' },
  'systems.addEnvironment': { valid: () => ({ projectId: detail.project.id, kind: 'staging', name: 'Abnahme' }), required: 'kind', wrongType: ['kind', 'lab'], idField: 'projectId' },
  'systems.updateEnvironment': { valid: () => ({ id: environment(), notes: 'Behind the customer VPN' }), required: 'id', wrongType: ['kind', 'lab'], idField: 'id' },
  'systems.removeEnvironment': { valid: () => ({ id: environment() }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'systems.addHost': { valid: () => ({ environmentId: environment(), name: 'lb01.example.com', role: 'loadBalancer' }), required: 'name', wrongType: ['name', 'not a host!'], idField: 'environmentId' },
  'systems.updateHost': { valid: () => ({ id: host(), ramGb: 32 }), required: 'id', wrongType: ['ramGb', -1], idField: 'id' },
  'systems.removeHost': { valid: () => ({ id: host() }), required: 'id', wrongType: ['id', 1], idField: 'id' },
  'systems.addPart': { valid: () => ({ part: 'endpoint', hostId: host(), protocol: 'HTTPS', port: 443 }), required: 'port', wrongType: ['port', 70000], idField: 'hostId' },
  'systems.updatePart': { valid: () => ({ part: 'component', id: component(), version: '2.3.22' }), required: 'id', wrongType: ['version', 2], idField: 'id' },
  'systems.removePart': { valid: () => ({ part: 'component', id: component() }), required: 'id', wrongType: ['part', 'disk'], idField: 'id' },
  'systems.prefill': { valid: () => ({ projectId: detail.project.id, environmentId: environment() }), required: 'environmentId', wrongType: ['environmentId', 1], idField: 'environmentId' },
  'systems.previewHosts': { valid: () => ({ environmentId: environment(), text: 'mw01.example.com 10.0.0.11 middleware' }), required: 'text', wrongType: ['text', 1], idField: 'environmentId' },
  'systems.importHosts': { valid: () => ({ environmentId: environment(), text: 'mw01.example.com 10.0.0.11 middleware' }), required: 'text', wrongType: ['text', 1], idField: 'environmentId' },
  'profile.get': { valid: () => ({}), wrongType: ['extra', 1] },
  'profile.save': { valid: () => ({ name: 'Miriam Kaya', email: 'm.kaya@fieldbook.example', role: 'Lead consultant' }), required: 'name', wrongType: ['email', 'not an address'] },
  'branding.get': { valid: () => ({}), wrongType: ['extra', 1] },
  'branding.save': {
    valid: () => ({ consultancyName: 'Fieldbook Consulting', address: 'Hafenstraße 1', logo: PNG_DOT, accent: '#0b5cad', footerText: 'fieldbook.example', confidentiality: 'Confidential' }),
    required: 'accent',
    wrongType: ['accent', 'blue'],
  },
  'documents.export': {
    valid: () => ({ projectId: detail.project.id, document: 'minutes', meetingId: meeting.meeting.id, formats: ['pdf'], language: 'de' }),
    required: 'meetingId',
    wrongType: ['formats', 'pdf'],
    idField: 'meetingId',
  },
  'conflicts.list': { valid: () => ({}), wrongType: ['extra', 1] },
  'conflicts.resolve': {
    valid: () => ({ stamp: '001764493200000-0000000000-0123456789abcdef', keep: 'other' }),
    required: 'keep',
    wrongType: ['keep', 'mine'],
    acceptedElsewhere: 'test/integration/sync.test.ts',
  },
  'sync.run': { valid: () => ({ share: tempDir('fieldbook-share-') }), required: 'share', wrongType: ['share', 'relative/folder'] },
  'sync.status': { valid: () => ({}), wrongType: ['extra', 1] },
  'sync.configure': { valid: () => ({ sharePath: tempDir('fieldbook-share-') }), required: 'sharePath', wrongType: ['sharePath', 'relative/folder'] },
  'documents.history': { valid: () => ({ projectId: detail.project.id }), required: 'projectId', wrongType: ['projectId', 1], idField: 'projectId' },
  'documents.publish': {
    valid: () => ({ exportId: MISSING_ID, files: [{ format: 'pdf', base64: 'JVBERi0=' }] }),
    required: 'files',
    wrongType: ['files', 'JVBERi0='],
    idField: 'exportId',
    acceptedElsewhere: 'test/integration/publish.test.ts: it needs an export and a shared folder',
  },
  'testResults.beginUpload': { valid: () => ({ size: 10 }), required: 'size', wrongType: ['size', 'big'] },
  'testResults.uploadPiece': {
    valid: () => ({ uploadId: MISSING_ID, offset: 0, base64: 'AAAA' }),
    required: 'base64',
    wrongType: ['offset', 'start'],
    idField: 'uploadId',
    acceptedElsewhere: 'test/integration/test-results.test.ts: it needs an upload begun',
  },
  'testResults.import': {
    valid: () => ({ projectId: detail.project.id, runId: MISSING_ID, fileName: 'results.jtl', uploadId: MISSING_ID }),
    required: 'runId',
    wrongType: ['fileName', 3],
    idField: 'projectId',
    acceptedElsewhere: 'test/integration/test-results.test.ts: it needs an upload',
  },
  'testResults.list': { valid: () => ({ runId: MISSING_ID }), required: 'runId', wrongType: ['runId', 1] },
  'testResults.remove': { valid: () => ({ id: MISSING_ID }), required: 'id', wrongType: ['id', 1], idField: 'id', acceptedElsewhere: 'test/integration/test-results.test.ts' },
  'sizing.get': { valid: () => ({ projectId: detail.project.id }), required: 'projectId', wrongType: ['projectId', 1], idField: 'projectId' },
  'sizing.save': {
    valid: () => ({ projectId: detail.project.id, input: defaultSizingInput() }),
    required: 'input',
    wrongType: ['input', 'lots'],
    idField: 'projectId',
  },
};

describe('every API method refuses bad input, naming the field, and writes nothing', () => {
  it('has cases for every method in the table', () => {
    expect(Object.keys(CASES).sort()).toEqual([...METHOD_NAMES].sort());
  });

  for (const method of METHOD_NAMES) {
    describe(method, () => {
      const cases = CASES[method];
      it.skipIf(cases.acceptedElsewhere !== undefined)('accepts its valid input', async () => {
        await core.call(method, cases.valid());
      });
      if (cases.required) {
        it(`names the missing field ${cases.required}`, async () => {
          const input = cases.valid();
          delete input[cases.required!];
          const error = await settledRefusal(method, input);
          expect(error.code).toBe('invalid_input');
          expect(error.field).toBe(cases.required);
        });
      }
      if (cases.wrongType) {
        const [field, value] = cases.wrongType;
        it(`names the wrongly typed field ${field}`, async () => {
          const error = await settledRefusal(method, { ...cases.valid(), [field]: value });
          expect(error.code).toBe('invalid_input');
          expect(error.field).toBe(field);
          expect(error.message).toContain(field);
        });
      }
      if (cases.idField) {
        const field = cases.idField;
        it(`names the unknown id in ${field}`, async () => {
          const error = await settledRefusal(method, { ...cases.valid(), [field]: MISSING_ID });
          expect(error.code).toBe('not_found');
          expect(error.field).toBe(field);
        });
      }
    });
  }

  it('refuses an unknown method and a non-object input', () => {
    expect(refusal('nope.nothing' as MethodName, {})).toMatchObject({ code: 'unknown_method', field: 'method' });
    expect(refusal('customers.create', 'ACME')).toMatchObject({ code: 'invalid_input' });
  });
});

describe('refusals carry a reason the UI says in its own language', () => {
  it.each([
    ['people.create', { name: 'x', side: 'customer', email: 'jonas at example' }, { field: 'email', reason: 'email' }],
    ['people.create', { name: '  ', side: 'customer' }, { field: 'name', reason: 'empty' }],
    ['people.create', { name: '', side: 'customer' }, { field: 'name', reason: 'empty' }],
    ['people.create', { name: 'x' }, { field: 'side', reason: 'required' }],
    ['people.create', { name: 'x', side: 'vendor' }, { field: 'side', reason: 'choice' }],
    ['customers.create', { name: 'x'.repeat(201) }, { field: 'name', reason: 'tooLong', limit: 200 }],
  ] as const)('%s %j', (method, input, expected) => {
    expect(refusal(method, input).issues).toEqual([expect.objectContaining(expected)]);
  });

  it('for long texts: the limit of the text, not of a name', () => {
    const decision = 'Authentication against the existing OpenLDAP; '.repeat(10);
    expect(() => core.call('decisions.add', { projectId: detail.project.id, topicKey: 'authentication', text: decision })).not.toThrow();
    expect(refusal('decisions.add', { projectId: detail.project.id, topicKey: 'authentication', text: 'x'.repeat(2_001) }).issues).toEqual([
      expect.objectContaining({ field: 'text', reason: 'tooLong', limit: 2_000 }),
    ]);
  });

  it('for key figures: whole numbers from zero', () => {
    const update = (mailboxes: number) => refusal('projects.update', { id: detail.project.id, mailboxes }).issues;
    expect(update(1.5)).toEqual([expect.objectContaining({ field: 'mailboxes', reason: 'wholeNumber' })]);
    expect(update(-1)).toEqual([expect.objectContaining({ field: 'mailboxes', reason: 'tooSmall', limit: 0 })]);
  });

  it('for workshop answers: host names, web addresses, choices and calendar dates', () => {
    const answer = (field: string, value: unknown) => refusal('answers.set', { sessionId: session.id, field, value }).issues;
    expect(answer('ldapHosts', ['ldap1.example.com', 'ldap two'])).toEqual([expect.objectContaining({ field: 'value.1', reason: 'hostname' })]);
    expect(answer('identityProvider', 'idp.example.com/metadata')).toEqual([expect.objectContaining({ field: 'value', reason: 'url' })]);
    expect(answer('authPlugin', 'kerberos')).toEqual([expect.objectContaining({ field: 'value', reason: 'choice' })]);
    expect(refusal('sessions.update', { id: session.id, date: '2026-02-30' }).issues).toEqual([expect.objectContaining({ field: 'date', reason: 'date' })]);
  });
});

describe('text that must say something (names, titles, questions, decisions, comments)', () => {
  it('is stored as it was sent, tabs, spaces and line breaks around it included', () => {
    const typed = (words: string): string => `\t${words} \n`;
    const project = detail.project.id;
    const stored: [string, unknown, string][] = [
      ['customer name', core.call('customers.create', { name: typed('Nordhafen') }), 'name'],
      ['project name', core.call('projects.update', { id: project, name: typed('Webmail') }), 'name'],
      ['person', core.call('people.create', { name: typed('Jonas'), side: 'customer' }), 'name'],
      ['activity', core.call('activities.add', { projectId: project, phase: 'concept', title: typed('Visit') }), 'title'],
      ['question', core.call('questions.add', { projectId: project, topicKey: 'authentication', text: typed('Which LDAP?') }), 'text'],
      ['decision', core.call('decisions.add', { projectId: project, topicKey: 'authentication', text: typed('LDAP') }), 'text'],
      ['agenda decision', core.call('agenda.decide', { agendaItemId: agendaItem.id, text: typed('Fridays') }), 'text'],
      ['checklist item', core.call('requirements.create', { projectId: project, title: typed('Accounts') }), 'title'],
      ['comment', core.call('requirements.comment', { id: requirement.id, text: typed('Asked') }), 'text'],
      ['profile', core.call('profile.save', { name: typed('Miriam'), email: '', role: '' }), 'name'],
    ];
    for (const [what, result, field] of stored) expect((result as Record<string, unknown>)[field], what).toMatch(/^\t.+ \n$/);
  });
});

describe('customers', () => {
  it('are created, edited, archived and found again', () => {
    const updated = core.call('customers.update', { id: customer.id, notes: 'Horde users', logo: PNG_DOT }) as Customer;
    expect(updated).toMatchObject({ name: 'Stadtwerke Nordhafen', notes: 'Horde users', logo: PNG_DOT, archived: false });
    core.call('customers.archive', { id: customer.id, archived: true });
    expect(core.call('customers.list', {})).toEqual([]);
    expect((core.call('customers.list', { includeArchived: true }) as Customer[]).map((c) => c.id)).toEqual([customer.id]);
    expect(core.call('customers.get', { id: customer.id })).toMatchObject({ archived: true });
  });

  it('match searches without regard to case or accents', () => {
    core.call('customers.create', { name: 'Müller Hosting' });
    expect((core.call('customers.list', { search: 'muller' }) as Customer[]).map((c) => c.name)).toEqual(['Müller Hosting']);
    expect((core.call('customers.list', { search: 'HAFENSTRASSE' }) as Customer[]).length).toBe(0);
    expect((core.call('customers.list', { search: 'hafenstraße' }) as Customer[]).length).toBe(1);
  });

  it('refuse a logo that is not a PNG or JPEG data URL', () => {
    expect(refusal('customers.update', { id: customer.id, logo: 'data:image/svg+xml;base64,PHN2Zz4=' })).toMatchObject({ field: 'logo' });
    expect(refusal('customers.create', { name: '   ' })).toMatchObject({ field: 'name' });
  });
});

describe('projects', () => {
  it('start in Initialization with the template checklist and the default product', () => {
    expect(detail.project).toMatchObject({ phase: 'initialization', status: 'active', product: 'Open-Xchange App Suite', processTemplate: 'ox-profserv@1' });
    expect(detail.project.gate.decision).toBe('pending');
    const keys = detail.activities.filter((a) => a.templateKey).map((a) => a.templateKey);
    expect(keys).toEqual(expect.arrayContaining(['technical-demo', 'proof-of-concept', 'detail-workshops', 'weekly-status-calls', 'approval-jmeter-tests', 'retrospective']));
    expect(detail.activities.find((a) => a.templateKey === 'approval-mysql-cluster')).toMatchObject({ parentKey: 'internal-approval', phase: 'implementation' });
    expect(detail.progress.map((p) => p.phase)).toEqual(['initialization', 'concept', 'implementation', 'approval']);
  });

  it('keep key figures, dates and status; refuse impossible dates', () => {
    const p = core.call('projects.update', { id: detail.project.id, mailboxes: 120000, concurrentSessions: 9000, startDate: '2027-01-04', status: 'on_hold' }) as Project;
    expect(p).toMatchObject({ mailboxes: 120000, concurrentSessions: 9000, startDate: '2027-01-04', status: 'on_hold' });
    expect(refusal('projects.update', { id: detail.project.id, targetDate: '2027-02-30' })).toMatchObject({ field: 'targetDate' });
    expect(refusal('projects.update', { id: detail.project.id, mailboxes: -1 })).toMatchObject({ field: 'mailboxes' });
    expect(refusal('projects.update', { id: detail.project.id })).toMatchObject({ code: 'invalid_input' });
  });

  it('ask for confirmation before leaving Initialization without a Go', () => {
    expect(refusal('projects.setPhase', { id: detail.project.id, phase: 'concept' })).toMatchObject({ code: 'gate_not_go', field: 'phase' });
    core.call('projects.recordGate', { id: detail.project.id, decision: 'no_go', date: '2026-11-20', decidedBy: 'CIO', rationale: 'Budget', conditions: '' });
    expect(refusal('projects.setPhase', { id: detail.project.id, phase: 'implementation' })).toMatchObject({ code: 'gate_not_go' });
    const gate = core.call('projects.recordGate', {
      id: detail.project.id,
      decision: 'go',
      date: '2026-11-21',
      decidedBy: 'Dr. Anja Petersen',
      rationale: 'POC met all criteria',
      conditions: 'Branding before pilot',
    }) as Project;
    expect(gate.gate).toEqual({ decision: 'go', date: '2026-11-21', decidedBy: 'Dr. Anja Petersen', rationale: 'POC met all criteria', conditions: 'Branding before pilot' });
    expect(core.call('projects.setPhase', { id: detail.project.id, phase: 'concept' })).toMatchObject({ phase: 'concept' });
    expect(core.call('projects.setPhase', { id: detail.project.id, phase: 'implementation' })).toMatchObject({ phase: 'implementation' });
  });

  it('move on without a Go when the consultant confirms', () => {
    expect(core.call('projects.setPhase', { id: detail.project.id, phase: 'concept', confirmWithoutGo: true })).toMatchObject({ phase: 'concept' });
  });

  it('are listed with customer and progress, filtered by phase, status, customer and search', () => {
    const other = core.call('customers.create', { name: 'Hanse Hosting' }) as Customer;
    const second = core.call('projects.create', { customerId: other.id, name: 'Pilot' }) as ProjectDetail;
    core.call('projects.setPhase', { id: second.project.id, phase: 'concept', confirmWithoutGo: true });
    core.call('projects.update', { id: second.project.id, status: 'on_hold' });
    core.call('activities.update', { id: detail.activities[0]!.id, status: 'done' });
    core.call('activities.update', { id: detail.activities[1]!.id, status: 'not_needed' });

    const all = core.call('projects.list', {}) as ProjectListItem[];
    expect(all.map((p) => p.name)).toEqual(['Pilot', 'Webmail 2027']);
    const mine = all.find((p) => p.id === detail.project.id)!;
    expect(mine).toMatchObject({ customerName: 'Stadtwerke Nordhafen', activitiesSettled: 2, activitiesTotal: detail.activities.length + 1 });
    const names = (input: Record<string, unknown>) => (core.call('projects.list', input) as ProjectListItem[]).map((p) => p.name);
    expect(names({ phase: 'concept' })).toEqual(['Pilot']);
    expect(names({ status: 'active' })).toEqual(['Webmail 2027']);
    expect(names({ customerId: customer.id })).toEqual(['Webmail 2027']);
    expect(names({ search: 'hanse' })).toEqual(['Pilot']);
    expect(names({ search: 'webmail', phase: 'concept' })).toEqual([]);
  });

  it('come as a realistic sample, in English or German', () => {
    const sample = core.call('projects.createSample', { language: 'de' }) as ProjectDetail;
    expect(sample.project).toMatchObject({ name: 'Webmail-Ablösung 2027', phase: 'concept', mailboxes: 120000 });
    expect(sample.project.gate.decision).toBe('go');
    expect(sample.members).toHaveLength(4);
    expect(new Set(sample.members.map((m) => m.person.side))).toEqual(new Set(['customer', 'consultancy', 'partner']));
    expect(sample.progress.find((p) => p.phase === 'initialization')).toMatchObject({ done: 4 });
  });
});

describe('activities', () => {
  it('take status, date and note; template titles stay', () => {
    const a = detail.activities[0]!;
    expect(core.call('activities.update', { id: a.id, status: 'in_progress', date: '2026-11-24', note: 'Webcast booked' })).toMatchObject({
      status: 'in_progress',
      date: '2026-11-24',
      note: 'Webcast booked',
    });
    expect(refusal('activities.update', { id: a.id, title: 'Renamed' })).toMatchObject({ field: 'title' });
  });

  it("can be the consultant's own, which can be renamed and removed; template ones cannot be removed", () => {
    expect(core.call('activities.update', { id: custom.id, title: 'Visit both data centres' })).toMatchObject({ title: 'Visit both data centres' });
    expect(refusal('activities.remove', { id: detail.activities[0]!.id })).toMatchObject({ field: 'id' });
    core.call('activities.remove', { id: custom.id });
    const after = core.call('projects.get', { id: detail.project.id }) as ProjectDetail;
    expect(after.activities.map((a) => a.id)).not.toContain(custom.id);
  });
});

describe('people', () => {
  it('belong to several projects with a role in each', () => {
    const second = core.call('projects.create', { customerId: customer.id, name: 'Second' }) as ProjectDetail;
    core.call('members.add', { projectId: second.project.id, personId: person.id, role: 'Sponsor' });
    const first = core.call('projects.get', { id: detail.project.id }) as ProjectDetail;
    const again = core.call('projects.get', { id: second.project.id }) as ProjectDetail;
    expect(first.members.map((m) => [m.person.name, m.role])).toEqual([['Jonas Weber', 'Mail admin']]);
    expect(again.members.map((m) => [m.person.name, m.role])).toEqual([['Jonas Weber', 'Sponsor']]);
    core.call('people.update', { id: person.id, email: 'jonas@example.org' });
    const reread = core.call('projects.get', { id: second.project.id }) as ProjectDetail;
    expect(reread.members[0]!.person.email).toBe('jonas@example.org');
    const seenFromPerson = core.call('people.get', { id: person.id }) as PersonDetail;
    expect(seenFromPerson.person.email).toBe('jonas@example.org');
    expect(seenFromPerson.projects.map((p) => [p.projectName, p.customerName, p.role])).toEqual([
      ['Second', customer.name, 'Sponsor'],
      ['Webmail 2027', customer.name, 'Mail admin'],
    ]);
  });

  it('are not added twice to one project', () => {
    expect(refusal('members.add', { projectId: detail.project.id, personId: person.id })).toMatchObject({ field: 'personId' });
  });

  it('are found by name, organisation or e-mail', () => {
    core.call('people.create', { name: 'Miriam Kaya', organisation: 'Consulting', side: 'consultancy', email: 'mk@consulting.example' });
    const names = (search: string) => (core.call('people.list', { search }) as Person[]).map((p) => p.name);
    expect(names('kaya')).toEqual(['Miriam Kaya']);
    expect(names('consulting.example')).toEqual(['Miriam Kaya']);
    expect(names('')).toEqual(['Jonas Weber', 'Miriam Kaya']);
  });
});

describe('app.info', () => {
  it('tells version, device, data folder and schema', () => {
    expect(core.call('app.info', {})).toMatchObject({ version: '0.0.0-test', deviceId: core.store.deviceId, readOnly: false, schemaVersion: SCHEMA_VERSION });
  });
});
