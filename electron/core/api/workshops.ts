// Workshops: sessions per topic with answers stored field by field, open questions and decisions,
// and the completeness figures. A topic's form is the newest version of the project's pack; a
// follow-up session starts from the answers of the one before, which stays as it was.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/api.ts';
import type { ProjectDetail } from '../../../shared/domain.ts';
import { ApiError } from '../../../shared/errors.ts';
import { localIsoDate } from '../../../shared/iso-date.ts';
import { answerSchema, type Answers } from '../../../shared/workshops/answers.ts';
import { sumCompleteness, topicCompleteness } from '../../../shared/workshops/completeness.ts';
import { contradictions } from '../../../shared/workshops/cross-checks.ts';
import { withFlows, type ProjectFacts } from '../../../shared/workshops/flows.ts';
import type { Pack, Topic } from '../../../shared/workshops/pack.ts';
import type {
  Decision,
  OpenQuestion,
  TopicDetail,
  TopicState,
  TopicSummary,
  WorkshopOverview,
  WorkshopSession,
} from '../../../shared/workshops/types.ts';
import { fieldsOf, live, liveRow } from '../db/read.ts';
import * as t from '../db/tables/index.ts';
import { newId } from '../ids.ts';
import { changesFor, requireRow, type Context } from './context.ts';
import { invalidInput } from './input-errors.ts';
import { findPack, packVersionIfKnown } from './packs.ts';
import { getProject } from './projects.ts';
import { found, loadProject } from './rows.ts';
import { getSizing } from './sizing.ts';

type SessionRow = Omit<typeof t.workshopSession.$inferSelect, 'deleted'>;

/** Answer rows are keyed by session and field, so that every device writes the same row. */
const answerId = (sessionId: string, fieldKey: string): string => `${sessionId}/${fieldKey}`;

export function projectPack(ctx: Context, projectId: string): Pack {
  const row = ctx.store.orm.select({ packId: t.project.packId }).from(t.project).where(liveRow(t.project, projectId)).get();
  return findPack(ctx, found(row, 'projectId', 'project', projectId).packId, undefined, 'projectId');
}

export function findTopic(pack: Pack, key: string): Topic {
  const topic = pack.topics.find((x) => x.key === key);
  if (!topic) throw new ApiError({ code: 'not_found', field: 'topicKey', message: `topicKey: pack ${pack.id} has no topic "${key}"` });
  return topic;
}

function answersOf(ctx: Context, sessionId: string): Answers {
  const rows = ctx.store.orm
    .select({ fieldKey: t.answer.fieldKey, value: t.answer.value })
    .from(t.answer)
    .where(and(eq(t.answer.sessionId, sessionId), live(t.answer)))
    .all();
  const answers: Answers = {};
  for (const r of rows) if (r.value !== null) answers[r.fieldKey] = r.value;
  return answers;
}

function toSession(ctx: Context, r: SessionRow, topic: Topic): WorkshopSession {
  const all = answersOf(ctx, r.id);
  const known = new Set(topic.fields.map((f) => f.key));
  const answers: Answers = {};
  const orphanAnswers: WorkshopSession['orphanAnswers'] = [];
  const ownTopic = packVersionIfKnown(ctx, r.packId, r.packVersion)?.topics.find((x) => x.key === r.topicKey);
  for (const [key, value] of Object.entries(all)) {
    if (known.has(key)) answers[key] = value;
    else orphanAnswers.push({ key, label: ownTopic?.fields.find((f) => f.key === key)?.label ?? null, value });
  }
  return { ...r, answers, flowed: {}, orphanAnswers };
}

/** A topic's rows of the project, or all topics' when none is given. */
function ofProject(table: typeof t.workshopSession | typeof t.openQuestion | typeof t.decision, projectId: string, topicKey?: string): SQL | undefined {
  return and(eq(table.projectId, projectId), live(table), topicKey ? eq(table.topicKey, topicKey) : undefined);
}

function sessionRows(ctx: Context, projectId: string, topicKey?: string): SessionRow[] {
  return ctx.store.orm
    .select(fieldsOf(t.workshopSession))
    .from(t.workshopSession)
    .where(ofProject(t.workshopSession, projectId, topicKey))
    .orderBy(sql`coalesce(${t.workshopSession.date}, '')`, t.workshopSession.createdAt, t.workshopSession.id)
    .all();
}

function loadSessionRow(ctx: Context, id: string, field = 'id'): SessionRow {
  const row = ctx.store.orm.select(fieldsOf(t.workshopSession)).from(t.workshopSession).where(liveRow(t.workshopSession, id)).get();
  return found(row, field, 'workshop session', id);
}

function questionsOf(ctx: Context, projectId: string, topicKey?: string): OpenQuestion[] {
  return ctx.store.orm
    .select(fieldsOf(t.openQuestion))
    .from(t.openQuestion)
    .where(ofProject(t.openQuestion, projectId, topicKey))
    .orderBy(sql`${t.openQuestion.status} = 'answered'`, sql`coalesce(${t.openQuestion.dueDate}, '9999')`, t.openQuestion.createdAt, t.openQuestion.id)
    .all();
}

function decisionsOf(ctx: Context, projectId: string, topicKey?: string): Decision[] {
  return ctx.store.orm
    .select(fieldsOf(t.decision))
    .from(t.decision)
    .where(ofProject(t.decision, projectId, topicKey))
    .orderBy(t.decision.createdAt, t.decision.id)
    .all();
}

/** The project's workshops held within the period (dates inclusive), in order. */
export function sessionsWithin(ctx: Context, projectId: string, period: { from: string; to: string }): { topicKey: string; date: string }[] {
  return sessionRows(ctx, projectId)
    .filter((r) => r.date !== null && r.date >= period.from && r.date <= period.to)
    .map((r) => ({ topicKey: r.topicKey, date: r.date! }));
}

/** What the project knows outside one workshop: each topic's latest answers as entered there, key figures, the saved sizing. */
function projectFacts(ctx: Context, projectId: string): ProjectFacts {
  const latest = new Map<string, SessionRow>();
  for (const row of sessionRows(ctx, projectId)) latest.set(row.topicKey, row);
  // The project's own row: its activities and people (getProject) are not facts a check reads,
  // and this runs on every saved answer.
  const project = loadProject(ctx, projectId);
  const sizing = getSizing(ctx, { projectId });
  return {
    answers: new Map([...latest].map(([topicKey, row]) => [topicKey, answersOf(ctx, row.id)])),
    project: { mailboxes: project.mailboxes, concurrentSessions: project.concurrentSessions },
    sizing: sizing.updatedAt ? { result: sizing.result, mailboxes: sizing.input.accountTypes.reduce((sum, a) => sum + a.mailboxes, 0) } : null,
  };
}

/** The latest answers of every topic that had a workshop, with the values that flow in: what the concept states. */
export function latestAnswers(ctx: Context, projectId: string): Map<string, Answers> {
  const pack = projectPack(ctx, projectId);
  const facts = projectFacts(ctx, projectId);
  return new Map([...facts.answers].map(([topicKey, own]) => [topicKey, withFlows(findTopic(pack, topicKey), own, facts).answers]));
}

/** The Go / No-Go topic is the gate's: its decision settles it. */
const GATE_TOPIC = 'go-no-go';

function topicState(detail: ProjectDetail, topicKey: string, sessions: number): TopicState {
  if (topicKey === GATE_TOPIC && detail.project.gate.decision !== 'pending') return 'settled';
  const activity = detail.activities.find((a) => a.templateKey === topicKey);
  if (activity && (activity.status === 'done' || activity.status === 'not_needed')) return 'settled';
  return sessions > 0 ? 'inProgress' : 'notStarted';
}

export function workshopOverview(ctx: Context, input: ParsedInput<'workshops.overview'>): WorkshopOverview {
  const pack = projectPack(ctx, input.projectId);
  const sessions = sessionRows(ctx, input.projectId);
  const detail = getProject(ctx, { id: input.projectId });
  const facts = projectFacts(ctx, input.projectId);
  const topics: TopicSummary[] = pack.topics.map((topic) => {
    const own = sessions.filter((s) => s.topicKey === topic.key);
    const latest = own.at(-1);
    const answers = latest ? withFlows(topic, facts.answers.get(topic.key) ?? {}, facts).answers : {};
    return {
      key: topic.key,
      state: topicState(detail, topic.key, own.length),
      phase: topic.phase,
      title: topic.title,
      sessions: own.length,
      lastDate: latest?.date ?? null,
      completeness: topicCompleteness(topic, answers),
    };
  });
  return {
    pack: { id: pack.id, version: pack.version, name: pack.name },
    topics,
    completeness: sumCompleteness(topics.map((topic) => topic.completeness)),
    openQuestions: questionsOf(ctx, input.projectId).filter((q) => q.status === 'open'),
    decisions: decisionsOf(ctx, input.projectId),
    contradictions: contradictions(pack, facts),
  };
}

export function workshopTopic(ctx: Context, input: ParsedInput<'workshops.topic'>): TopicDetail {
  const pack = projectPack(ctx, input.projectId);
  const topic = findTopic(pack, input.topicKey);
  const facts = projectFacts(ctx, input.projectId);
  const sessions = sessionRows(ctx, input.projectId, topic.key).map((r) => toSession(ctx, r, topic));
  // The current workshop shows what flows in from elsewhere; earlier ones stay as they were.
  const current = sessions.at(-1);
  if (current) Object.assign(current, withFlows(topic, current.answers, facts));
  return {
    pack: { id: pack.id, version: pack.version },
    topic,
    sessions,
    questions: questionsOf(ctx, input.projectId, topic.key),
    decisions: decisionsOf(ctx, input.projectId, topic.key),
    completeness: topicCompleteness(topic, sessions.at(-1)?.answers ?? {}),
    contradictions: contradictions(pack, facts).filter((c) => c.topics.includes(topic.key)),
  };
}

/** A new session starts from the previous session's answers, or from the form's defaults. */
export function createSession(ctx: Context, input: ParsedInput<'sessions.create'>): WorkshopSession {
  const pack = projectPack(ctx, input.projectId);
  const topic = findTopic(pack, input.topicKey);
  const previous = sessionRows(ctx, input.projectId, topic.key).at(-1);
  const start: Answers = {};
  if (previous) {
    const before = answersOf(ctx, previous.id);
    for (const f of topic.fields) if (before[f.key] !== undefined) start[f.key] = before[f.key]!;
  } else {
    for (const f of topic.fields) if ('default' in f && f.default !== undefined) start[f.key] = f.default;
  }
  const id = newId();
  const changes = changesFor('workshopSession', id, {
    projectId: input.projectId,
    topicKey: topic.key,
    packId: pack.id,
    packVersion: pack.version,
    date: input.date ?? localIsoDate(ctx.now()),
    attendees: JSON.stringify(previous?.attendees ?? []),
    notes: '',
    createdAt: ctx.now().toISOString(),
  });
  for (const [key, value] of Object.entries(start)) {
    changes.push(...changesFor('answer', answerId(id, key), { sessionId: id, fieldKey: key, value: JSON.stringify(value) }));
  }
  ctx.store.apply(changes);
  return toSession(ctx, loadSessionRow(ctx, id), topic);
}

export function updateSession(ctx: Context, input: ParsedInput<'sessions.update'>): WorkshopSession {
  const row = loadSessionRow(ctx, input.id);
  if (input.attendees) {
    const members = new Set(
      ctx.store.orm
        .select({ personId: t.membership.personId })
        .from(t.membership)
        .where(and(eq(t.membership.projectId, row.projectId), live(t.membership)))
        .all()
        .map((m) => m.personId),
    );
    const stranger = input.attendees.findIndex((p) => !members.has(p));
    if (stranger >= 0) {
      throw new ApiError({ code: 'not_found', field: `attendees.${stranger}`, message: `attendees.${stranger}: ${input.attendees[stranger]} is not one of the project's people` });
    }
  }
  ctx.store.apply(
    changesFor('workshopSession', row.id, {
      date: input.date,
      notes: input.notes,
      attendees: input.attendees ? JSON.stringify([...new Set(input.attendees)]) : undefined,
    }),
  );
  return toSession(ctx, loadSessionRow(ctx, row.id), findTopic(projectPack(ctx, row.projectId), row.topicKey));
}

export function removeSession(ctx: Context, input: ParsedInput<'sessions.remove'>): { id: string } {
  const row = loadSessionRow(ctx, input.id);
  ctx.store.apply(changesFor('workshopSession', row.id, { deleted: true }));
  return { id: row.id };
}

export function setAnswer(ctx: Context, input: ParsedInput<'answers.set'>): TopicDetail {
  const row = loadSessionRow(ctx, input.sessionId, 'sessionId');
  const topic = findTopic(projectPack(ctx, row.projectId), row.topicKey);
  const field = topic.fields.find((f) => f.key === input.field);
  if (!field) {
    throw new ApiError({ code: 'not_found', field: 'field', message: `field: topic "${topic.key}" has no field "${input.field}"` });
  }
  const parsed = answerSchema(field).safeParse(input.value);
  if (!parsed.success) throw invalidInput(parsed.error, input.value, 'value');
  if (field.type === 'person' && parsed.data !== null) requireRow(ctx, 'person', parsed.data as string, 'value');
  ctx.store.apply(
    changesFor('answer', answerId(row.id, field.key), { sessionId: row.id, fieldKey: field.key, value: JSON.stringify(parsed.data) }),
  );
  return workshopTopic(ctx, { projectId: row.projectId, topicKey: row.topicKey });
}

/** A question or decision belongs to a topic of the project's pack, and maybe to one of its workshops. */
function requireTopicAndSession(ctx: Context, input: { projectId: string; topicKey: string; sessionId?: string | undefined }): void {
  findTopic(projectPack(ctx, input.projectId), input.topicKey);
  if (!input.sessionId) return;
  const session = loadSessionRow(ctx, input.sessionId, 'sessionId');
  if (session.projectId !== input.projectId || session.topicKey !== input.topicKey) {
    throw new ApiError({ code: 'invalid_input', field: 'sessionId', message: `sessionId: the workshop ${input.sessionId} is not on this project's topic ${input.topicKey}` });
  }
}

export function addQuestion(ctx: Context, input: ParsedInput<'questions.add'>): OpenQuestion {
  requireTopicAndSession(ctx, input);
  if (input.ownerId) requireRow(ctx, 'person', input.ownerId, 'ownerId');
  const id = newId();
  ctx.store.apply(
    changesFor('openQuestion', id, {
      projectId: input.projectId,
      sessionId: input.sessionId ?? null,
      topicKey: input.topicKey,
      text: input.text,
      ownerId: input.ownerId ?? null,
      dueDate: input.dueDate ?? null,
      status: 'open',
      answer: '',
      createdAt: ctx.now().toISOString(),
    }),
  );
  return loadQuestion(ctx, id);
}

function loadQuestion(ctx: Context, id: string): OpenQuestion {
  return found(ctx.store.orm.select(fieldsOf(t.openQuestion)).from(t.openQuestion).where(liveRow(t.openQuestion, id)).get(), 'id', 'open question', id);
}

export function updateQuestion(ctx: Context, input: ParsedInput<'questions.update'>): OpenQuestion {
  const { id, ...fields } = input;
  loadQuestion(ctx, id);
  if (fields.ownerId) requireRow(ctx, 'person', fields.ownerId, 'ownerId');
  ctx.store.apply(changesFor('openQuestion', id, fields));
  return loadQuestion(ctx, id);
}

export function removeQuestion(ctx: Context, input: ParsedInput<'questions.remove'>): { id: string } {
  loadQuestion(ctx, input.id);
  ctx.store.apply(changesFor('openQuestion', input.id, { deleted: true }));
  return { id: input.id };
}

function loadDecision(ctx: Context, id: string): Decision {
  return found(ctx.store.orm.select(fieldsOf(t.decision)).from(t.decision).where(liveRow(t.decision, id)).get(), 'id', 'decision', id);
}

/** A decision changes an answer of its own topic, or none. */
function requireField(ctx: Context, projectId: string, topicKey: string, fieldKey: string | null | undefined): void {
  if (fieldKey === null || fieldKey === undefined) return;
  const topic = findTopic(projectPack(ctx, projectId), topicKey);
  if (!topic.fields.some((f) => f.key === fieldKey)) {
    throw new ApiError({ code: 'invalid_input', field: 'fieldKey', message: `fieldKey: the topic "${topicKey}" has no field "${fieldKey}"` });
  }
}

export function addDecision(ctx: Context, input: ParsedInput<'decisions.add'>): Decision {
  requireTopicAndSession(ctx, input);
  requireField(ctx, input.projectId, input.topicKey, input.fieldKey);
  const id = newId();
  ctx.store.apply(
    changesFor('decision', id, {
      projectId: input.projectId,
      sessionId: input.sessionId ?? null,
      topicKey: input.topicKey,
      fieldKey: input.fieldKey ?? null,
      text: input.text,
      createdAt: ctx.now().toISOString(),
    }),
  );
  return loadDecision(ctx, id);
}

export function updateDecision(ctx: Context, input: ParsedInput<'decisions.update'>): Decision {
  const decision = loadDecision(ctx, input.id);
  requireField(ctx, decision.projectId, decision.topicKey, input.fieldKey);
  ctx.store.apply(changesFor('decision', input.id, { text: input.text, fieldKey: input.fieldKey }));
  return loadDecision(ctx, input.id);
}

export function removeDecision(ctx: Context, input: ParsedInput<'decisions.remove'>): { id: string } {
  loadDecision(ctx, input.id);
  ctx.store.apply(changesFor('decision', input.id, { deleted: true }));
  return { id: input.id };
}
