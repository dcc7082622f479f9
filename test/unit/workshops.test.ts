// Workshops through the API: sessions, answers field by field, follow-ups, questions and
// decisions gathered per project, completeness, pack import and export, newer pack versions, and
// the saved hardware sizing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core.ts';
import type { Customer, Person, ProjectDetail } from '../../shared/domain.ts';
import { ApiError } from '../../shared/errors.ts';
import type { Answers } from '../../shared/workshops/answers.ts';
import { activeHints } from '../../shared/workshops/conditions.ts';
import type { Pack } from '../../shared/workshops/pack.ts';
import { defaultSizingInput } from '../../shared/workshops/sizing.ts';
import type { PackSummary, ProjectSizing, TopicDetail, WorkshopOverview, WorkshopSession } from '../../shared/workshops/types.ts';
import { dumpDatabase, inspect, openTestCore, removeTempDirs } from '../support/temp-store.ts';

let core: Core;
let projectId: string;
let person: Person;

const call = <T>(method: string, input: unknown): T => core.call(method, input) as T;

function refusal(method: string, input: unknown): ApiError {
  const before = dumpDatabase(core);
  try {
    core.call(method, input);
  } catch (error) {
    expect(dumpDatabase(core)).toEqual(before);
    return error as ApiError;
  }
  throw new Error(`${method} accepted ${JSON.stringify(input)}`);
}

beforeEach(() => {
  core = openTestCore();
  const customer = call<Customer>('customers.create', { name: 'Stadtwerke Nordhafen' });
  projectId = call<ProjectDetail>('projects.create', { customerId: customer.id, name: 'Webmail 2027' }).project.id;
  person = call<Person>('people.create', { name: 'Jonas Weber', side: 'customer' });
  call('members.add', { projectId, personId: person.id });
});
afterEach(() => {
  core.close();
  removeTempDirs();
});

describe('the default pack', () => {
  it('passes every check and covers Initialization and all sixteen Concept topics', () => {
    const pack = call<Pack>('packs.get', { id: 'ox-app-suite' });
    expect(pack.topics.filter((t) => t.phase === 'initialization').map((t) => t.key)).toEqual([
      'technical-demo',
      'architecture-overview',
      'proof-of-concept',
      'technology-transfer',
      'go-no-go',
    ]);
    expect(pack.topics.filter((t) => t.phase === 'concept')).toHaveLength(16);
    expect(call<PackSummary[]>('packs.list', {})).toEqual([expect.objectContaining({ id: 'ox-app-suite', builtIn: true, versions: [1] })]);
  });

  it('derives the reference\'s warnings from answers', () => {
    const pack = call<Pack>('packs.get', { id: 'ox-app-suite' });
    const hintsOf = (topicKey: string, answers: Answers) => activeHints(pack.topics.find((t) => t.key === topicKey)!, answers).map((h) => h.text.en);
    const dovecotWithout = hintsOf('imap', { server: 'dovecot', capabilities: ['IMAP4rev1', 'IDLE', 'ACL'] });
    expect(dovecotWithout).toEqual(expect.arrayContaining([expect.stringMatching(/^Without SORT/), expect.stringMatching(/METADATA/), expect.stringMatching(/SPECIAL-USE/)]));
    expect(hintsOf('imap', { server: 'cyrus', capabilities: ['IMAP4rev1', 'SORT', 'IDLE'] })).toEqual([]);
    expect(hintsOf('mysql', { replication: 'master-slave' })).toEqual([expect.stringMatching(/replication monitor/)]);
    expect(hintsOf('mysql', { replication: 'galera' })).toEqual([]);
  });
});

describe('sessions and answers', () => {
  it('start from the form defaults, store answers field by field, and clear with null', () => {
    const session = call<WorkshopSession>('sessions.create', { projectId, topicKey: 'authentication', date: '2026-11-20' });
    expect(session.answers).toMatchObject({ masterAdminLogin: 'oxadminmaster', contextAdminLogin: 'oxadmin', sessionLifetime: 3_600_000 });
    const before = inspect(core).prepare('SELECT count(*) AS n FROM change_log').get() as { n: number };
    const topic = call<TopicDetail>('answers.set', { sessionId: session.id, field: 'authPlugin', value: 'ldap' });
    const after = inspect(core).prepare('SELECT count(*) AS n FROM change_log').get() as { n: number };
    // One answer is one row of the log (the row is new here: session, field key and value).
    expect(after.n - before.n).toBe(3);
    expect(topic.sessions.at(-1)!.answers.authPlugin).toBe('ldap');
    // The LDAP servers show, and are required, once LDAP is chosen.
    expect(topic.completeness.missingRequired).toContain('ldapHosts');
    const cleared = call<TopicDetail>('answers.set', { sessionId: session.id, field: 'authPlugin', value: null });
    expect(cleared.sessions.at(-1)!.answers.authPlugin).toBeUndefined();
    expect(cleared.completeness.missingRequired).not.toContain('ldapHosts');
  });

  it('refuse an answer of the wrong kind with the reason, naming the value, and change nothing', () => {
    const session = call<WorkshopSession>('sessions.create', { projectId, topicKey: 'authentication' });
    expect(refusal('answers.set', { sessionId: session.id, field: 'authPlugin', value: 'kerberos' })).toMatchObject({ code: 'invalid_input', field: 'value' });
    expect(refusal('answers.set', { sessionId: session.id, field: 'ldapHosts', value: ['ldap one.example.com'] })).toMatchObject({ field: 'value.0' });
    expect(refusal('answers.set', { sessionId: session.id, field: 'maxSessionsPerUser', value: -1 })).toMatchObject({
      field: 'value',
      issues: [expect.objectContaining({ reason: 'tooSmall', limit: 0 })],
    });
    expect(refusal('answers.set', { sessionId: session.id, field: 'noSuchField', value: 'x' })).toMatchObject({ code: 'not_found', field: 'field' });
  });

  it('keep earlier sessions as they were; a follow-up starts from the latest answers and attendees', () => {
    const first = call<WorkshopSession>('sessions.create', { projectId, topicKey: 'authentication', date: '2026-11-10' });
    call('sessions.update', { id: first.id, attendees: [person.id], notes: 'First round' });
    call('answers.set', { sessionId: first.id, field: 'authPlugin', value: 'imap' });
    const second = call<WorkshopSession>('sessions.create', { projectId, topicKey: 'authentication', date: '2026-11-24' });
    expect(second.answers.authPlugin).toBe('imap');
    expect(second.attendees).toEqual([person.id]);
    call('answers.set', { sessionId: second.id, field: 'authPlugin', value: 'ldap' });
    const topic = call<TopicDetail>('workshops.topic', { projectId, topicKey: 'authentication' });
    expect(topic.sessions.map((s) => [s.date, s.answers.authPlugin, s.notes])).toEqual([
      ['2026-11-10', 'imap', 'First round'],
      ['2026-11-24', 'ldap', ''],
    ]);
  });

  it('take only the project\'s people as attendees', () => {
    const session = call<WorkshopSession>('sessions.create', { projectId, topicKey: 'storage' });
    const stranger = call<Person>('people.create', { name: 'Not on the project', side: 'partner' });
    expect(refusal('sessions.update', { id: session.id, attendees: [person.id, stranger.id] })).toMatchObject({ code: 'not_found', field: 'attendees.1' });
  });
});

describe('questions, decisions and completeness per project', () => {
  it('gather open questions and decisions of every topic on the overview', () => {
    call('questions.add', { projectId, topicKey: 'authentication', text: 'Which LDAP attribute is the login?', ownerId: person.id, dueDate: '2026-12-01' });
    const answered = call<{ id: string }>('questions.add', { projectId, topicKey: 'storage', text: 'NFS or S3?' });
    call('questions.update', { id: answered.id, status: 'answered', answer: 'NFS' });
    call('decisions.add', { projectId, topicKey: 'mysql', text: 'Galera cluster of three' });
    const overview = call<WorkshopOverview>('workshops.overview', { projectId });
    expect(overview.openQuestions.map((q) => [q.topicKey, q.text, q.ownerId, q.dueDate])).toEqual([
      ['authentication', 'Which LDAP attribute is the login?', person.id, '2026-12-01'],
    ]);
    expect(overview.decisions.map((d) => d.text)).toEqual(['Galera cluster of three']);
  });

  it('counts required answers per topic and for the project', () => {
    const empty = call<WorkshopOverview>('workshops.overview', { projectId });
    expect(empty.completeness.required.answered).toBe(0);
    const auth = () => call<WorkshopOverview>('workshops.overview', { projectId }).topics.find((t) => t.key === 'authentication')!;
    const session = call<WorkshopSession>('sessions.create', { projectId, topicKey: 'authentication' });
    const withDefaults = auth().completeness.required.answered;
    expect(withDefaults).toBeGreaterThan(0);
    call('answers.set', { sessionId: session.id, field: 'contextModel', value: 'One context per municipality' });
    expect(auth().completeness.required.answered).toBe(withDefaults + 1);
    expect(auth().sessions).toBe(1);
  });

  it('refuse a question for a topic the pack does not have, or tied to another topic\'s workshop', () => {
    expect(refusal('questions.add', { projectId, topicKey: 'coffee', text: 'Milk?' })).toMatchObject({ code: 'not_found', field: 'topicKey' });
    const storage = call<WorkshopSession>('sessions.create', { projectId, topicKey: 'storage' });
    expect(refusal('decisions.add', { projectId, topicKey: 'authentication', sessionId: storage.id, text: 'LDAP' })).toMatchObject({ code: 'invalid_input', field: 'sessionId' });
  });
});

describe('pack import and export', () => {
  const exported = () => JSON.parse(call<{ json: string }>('packs.export', { id: 'ox-app-suite' }).json) as Pack;

  it('export then import of the same version changes nothing; a new version becomes the current form', () => {
    const pack = exported();
    const before = dumpDatabase(core);
    call('packs.import', { json: JSON.stringify(pack) });
    expect(dumpDatabase(core)).toEqual(before);
    const v2 = { ...pack, version: 2, topics: pack.topics.map((t) => (t.key === 'spam' ? { ...t, title: { en: 'Spam and viruses', de: 'Spam und Viren' } } : t)) };
    expect(call<PackSummary>('packs.import', { json: JSON.stringify(v2) })).toMatchObject({ version: 2, builtIn: false, versions: [2, 1] });
    const overview = call<WorkshopOverview>('workshops.overview', { projectId });
    expect(overview.pack.version).toBe(2);
    expect(overview.topics.find((t) => t.key === 'spam')!.title.en).toBe('Spam and viruses');
  });

  it('refuse an invalid pack with every problem, and change nothing', () => {
    const pack = exported();
    const broken = { ...pack, version: 3, topics: [{ ...pack.topics[0]!, key: 'Bad Key' }, { ...pack.topics[1]!, fields: [] }] };
    const error = refusal('packs.import', { json: JSON.stringify(broken) });
    expect(error).toMatchObject({ code: 'invalid_input', field: 'json' });
    expect(error.issues!.map((i) => i.message)).toEqual([expect.stringMatching(/^topics\[0\]\.key: /), expect.stringMatching(/^topics\[1\]\.fields: /)]);
    expect(refusal('packs.import', { json: '{"id": "x",' })).toMatchObject({ field: 'json', issues: [{ message: expect.stringMatching(/^line 1, column/) }] });
  });

  it('refuse changed content under a version that exists', () => {
    const pack = exported();
    expect(refusal('packs.import', { json: JSON.stringify({ ...pack, name: { en: 'Changed', de: 'Geändert' } }) }).message).toMatch(/higher version/);
  });

  it('keep answers to a field a newer version dropped, with their old label', () => {
    const session = call<WorkshopSession>('sessions.create', { projectId, topicKey: 'authentication' });
    call('answers.set', { sessionId: session.id, field: 'loginMapping', value: 'uid@domain → context per domain' });
    const pack = exported();
    const v2 = {
      ...pack,
      version: 2,
      topics: pack.topics.map((t) => (t.key === 'authentication' ? { ...t, fields: t.fields.filter((f) => f.key !== 'loginMapping') } : t)),
    };
    call('packs.import', { json: JSON.stringify(v2) });
    const topic = call<TopicDetail>('workshops.topic', { projectId, topicKey: 'authentication' });
    const old = topic.sessions[0]!;
    expect(old.answers.loginMapping).toBeUndefined();
    expect(old.orphanAnswers).toEqual([{ key: 'loginMapping', label: expect.objectContaining({ en: expect.any(String) }), value: 'uid@domain → context per domain' }]);
  });
});

describe('hardware sizing', () => {
  it('is the default until saved, then keeps inputs and the computed result', () => {
    const initial = call<ProjectSizing>('sizing.get', { projectId });
    expect(initial.updatedAt).toBeNull();
    expect(initial.input).toEqual(defaultSizingInput());
    const input = defaultSizingInput();
    input.accountTypes[0]!.mailboxes = 120_000;
    const saved = call<ProjectSizing>('sizing.save', { projectId, input });
    expect(saved.result.concurrentSessions).toBeGreaterThan(0);
    expect(call<ProjectSizing>('sizing.get', { projectId })).toEqual(saved);
    const stored = inspect(core).prepare('SELECT result FROM sizing WHERE id = ?').get(projectId) as { result: string };
    expect(JSON.parse(stored.result)).toEqual(saved.result);
  });

  it('refuses impossible inputs naming the place', () => {
    const input = defaultSizingInput();
    input.accountTypes[0]!.mailboxes = -5;
    expect(refusal('sizing.save', { projectId, input })).toMatchObject({ code: 'invalid_input', field: 'input.accountTypes.0.mailboxes' });
  });
});
