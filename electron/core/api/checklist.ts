// The requirements checklist: items numbered per project, action items of meetings among them,
// comments, the history of every change read from the change log, and what a status call did
// with each item (its minutes).
import type { ParsedInput } from '../../../shared/api.ts';
import type { Phase, Side } from '../../../shared/domain.ts';
import {
  EDITABLE_FIELDS,
  type EditableField,
  type HistoryEntry,
  type Priority,
  type Requirement,
  type RequirementComment,
  type RequirementDetail,
  type RequirementSource,
  type RequirementStatus,
} from '../../../shared/checklist/types.ts';
import { ApiError } from '../../../shared/errors.ts';
import type { ReviewChange, ReviewOutcome } from '../../../shared/meetings/types.ts';
import { authorName, deviceLabel } from '../device.ts';
import { parseStamp } from '../hlc.ts';
import { newId } from '../ids.ts';
import { changesFor, requireMember, requireRow, type Context } from './context.ts';
import { findTopic, projectPack } from './workshops.ts';

interface RequirementRow {
  id: string;
  project_id: string;
  number: number;
  title: string;
  description: string;
  category: string;
  topic_key: string | null;
  phase: string | null;
  owner_side: string | null;
  responsible_id: string | null;
  due_date: string | null;
  status: string;
  priority: string;
  source: string;
  meeting_id: string | null;
  agenda_item_id: string | null;
  created_at: string;
}

export const toRequirement = (r: RequirementRow): Requirement => ({
  id: r.id,
  projectId: r.project_id,
  number: r.number,
  title: r.title,
  description: r.description,
  category: r.category,
  topicKey: r.topic_key,
  phase: r.phase as Phase | null,
  ownerSide: r.owner_side as Side | null,
  responsibleId: r.responsible_id,
  dueDate: r.due_date,
  status: r.status as RequirementStatus,
  priority: r.priority as Priority,
  source: r.source as RequirementSource,
  meetingId: r.meeting_id,
  agendaItemId: r.agenda_item_id,
  createdAt: r.created_at,
});

export function loadRequirement(ctx: Context, id: string, field = 'id'): Requirement {
  const row = ctx.store.db.prepare('SELECT * FROM requirement WHERE id = ? AND deleted = 0').get(id) as RequirementRow | undefined;
  if (!row) throw new ApiError({ code: 'not_found', field, message: `${field}: no checklist item with id ${id}` });
  return toRequirement(row);
}

export function requirementsWhere(ctx: Context, where: string, ...params: string[]): Requirement[] {
  const rows = ctx.store.db.prepare(`SELECT * FROM requirement WHERE ${where} AND deleted = 0 ORDER BY number, id`).all(...params) as RequirementRow[];
  return rows.map(toRequirement);
}

export function listRequirements(ctx: Context, input: ParsedInput<'requirements.list'>): Requirement[] {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  return requirementsWhere(ctx, 'project_id = ?', input.projectId);
}

/**
 * The next free number of the project. Removed items keep theirs (R-004 stays gone rather than
 * naming another item). Write methods run in an IMMEDIATE transaction, so two processes on the
 * same file cannot both read the same maximum.
 */
export function nextNumber(ctx: Context, projectId: string): number {
  const row = ctx.store.db.prepare('SELECT coalesce(max(number), 0) AS n FROM requirement WHERE project_id = ?').get(projectId) as { n: number };
  return row.n + 1;
}

type Fields = Partial<Pick<Requirement, EditableField>>;

/** The people and topics an item names belong to its project. */
export function checkReferences(ctx: Context, projectId: string, fields: Fields): void {
  if (fields.responsibleId) requireMember(ctx, projectId, fields.responsibleId, 'responsibleId');
  if (fields.topicKey) findTopic(projectPack(ctx, projectId), fields.topicKey);
}

/** The meeting a status-call change is recorded in: one of the item's project. */
function requireProjectMeeting(ctx: Context, meetingId: string, projectId: string): void {
  const row = ctx.store.db.prepare('SELECT project_id FROM meeting WHERE id = ? AND deleted = 0').get(meetingId) as { project_id: string } | undefined;
  if (!row) throw new ApiError({ code: 'not_found', field: 'meetingId', message: `meetingId: no meeting with id ${meetingId}` });
  if (row.project_id !== projectId) {
    throw new ApiError({ code: 'invalid_input', field: 'meetingId', message: 'meetingId: the meeting belongs to another project' });
  }
}

const shown = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/**
 * Notes in a meeting's minutes what it did with an item. An item added in the call stays
 * "added"; changes to the same field within one call fold into one, from the first value to the
 * last, and a field changed back to where it started drops out.
 */
function recordReview(ctx: Context, meetingId: string, requirementId: string, outcome: ReviewOutcome, changes: ReviewChange[]): void {
  const id = `${meetingId}/${requirementId}`;
  const existing = ctx.store.db.prepare('SELECT outcome, changes FROM meeting_review WHERE id = ? AND deleted = 0').get(id) as
    | { outcome: ReviewOutcome; changes: string }
    | undefined;
  const merged: ReviewChange[] = existing ? (JSON.parse(existing.changes) as ReviewChange[]) : [];
  for (const change of changes) {
    const earlier = merged.find((c) => c.field === change.field);
    if (earlier) earlier.to = change.to;
    else merged.push({ ...change });
  }
  const kept = merged.filter((c) => c.from !== c.to);
  const rank: Record<ReviewOutcome, number> = { reviewed: 0, changed: 1, added: 2 };
  const before = existing?.outcome ?? 'reviewed';
  let final: ReviewOutcome = rank[outcome] > rank[before] ? outcome : before;
  if (final === 'changed' && kept.length === 0) final = 'reviewed';
  ctx.store.apply(
    changesFor('meetingReview', id, {
      meetingId,
      requirementId,
      outcome: final,
      changes: JSON.stringify(kept),
      reviewedAt: ctx.now().toISOString(),
      deleted: false,
    }),
  );
}

/**
 * What an item from a meeting starts with: the meeting's first workshop topic and that topic's
 * phase, or, for a meeting on no topic, the phase the project was in. Both stay editable.
 */
function meetingDefaults(ctx: Context, meetingId: string, projectId: string): { topicKey: string | null; phase: Phase } {
  const meeting = ctx.store.db.prepare('SELECT topic_keys FROM meeting WHERE id = ?').get(meetingId) as { topic_keys: string };
  const topicKey = (JSON.parse(meeting.topic_keys) as string[])[0] ?? null;
  const topic = topicKey === null ? undefined : projectPack(ctx, projectId).topics.find((t) => t.key === topicKey);
  if (topic) return { topicKey, phase: topic.phase };
  const project = ctx.store.db.prepare('SELECT phase FROM project WHERE id = ?').get(projectId) as { phase: Phase };
  return { topicKey: null, phase: project.phase };
}

export function createRequirement(ctx: Context, input: ParsedInput<'requirements.create'>): Requirement {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  const { projectId, agendaItemId, meetingId: callId, source, ...fields } = input;
  checkReferences(ctx, projectId, fields);
  let meetingId: string | null = null;
  if (agendaItemId) {
    const item = ctx.store.db.prepare('SELECT meeting_id FROM agenda_item WHERE id = ? AND deleted = 0').get(agendaItemId) as { meeting_id: string } | undefined;
    if (!item) throw new ApiError({ code: 'not_found', field: 'agendaItemId', message: `agendaItemId: no agenda item with id ${agendaItemId}` });
    requireProjectMeeting(ctx, item.meeting_id, projectId);
    meetingId = item.meeting_id;
  }
  if (callId) {
    requireProjectMeeting(ctx, callId, projectId);
    meetingId ??= callId;
  }
  const fromMeeting = meetingId ? meetingDefaults(ctx, meetingId, projectId) : null;
  const id = newId();
  ctx.store.apply(
    changesFor('requirement', id, {
      projectId,
      number: nextNumber(ctx, projectId),
      title: fields.title,
      description: fields.description ?? '',
      category: fields.category ?? '',
      topicKey: fields.topicKey ?? fromMeeting?.topicKey ?? null,
      phase: fields.phase ?? fromMeeting?.phase ?? null,
      ownerSide: fields.ownerSide ?? null,
      responsibleId: fields.responsibleId ?? null,
      dueDate: fields.dueDate ?? null,
      status: fields.status ?? 'open',
      priority: fields.priority ?? 'normal',
      source: source ?? (meetingId ? 'meeting' : 'manual'),
      meetingId,
      agendaItemId: agendaItemId ?? null,
      createdAt: ctx.now().toISOString(),
    }),
  );
  if (callId) recordReview(ctx, callId, id, 'added', []);
  return loadRequirement(ctx, id);
}

/** Applies changed fields only (an unchanged value would only clutter the history). */
function changeRequirement(ctx: Context, before: Requirement, fields: Fields, callId: string | undefined): Requirement {
  checkReferences(ctx, before.projectId, fields);
  if (callId) requireProjectMeeting(ctx, callId, before.projectId);
  const changed = EDITABLE_FIELDS.filter((f) => f in fields && fields[f] !== undefined && fields[f] !== before[f]);
  ctx.store.apply(changesFor('requirement', before.id, Object.fromEntries(changed.map((f) => [f, fields[f]]))));
  if (callId) {
    const changes = changed.map((f) => ({ field: f, from: shown(before[f]), to: shown(fields[f]) }));
    recordReview(ctx, callId, before.id, changes.length > 0 ? 'changed' : 'reviewed', changes);
  }
  return loadRequirement(ctx, before.id);
}

export function updateRequirement(ctx: Context, input: ParsedInput<'requirements.update'>): Requirement {
  const { id, meetingId, ...fields } = input;
  return changeRequirement(ctx, loadRequirement(ctx, id), fields, meetingId);
}

export function setRequirementStatus(ctx: Context, input: ParsedInput<'requirements.setStatus'>): Requirement[] {
  const items = input.ids.map((id, i) => loadRequirement(ctx, id, `ids.${i}`));
  return items.map((item) => changeRequirement(ctx, item, { status: input.status }, input.meetingId));
}

export function reviewRequirement(ctx: Context, input: ParsedInput<'requirements.review'>): { id: string } {
  const item = loadRequirement(ctx, input.id);
  requireProjectMeeting(ctx, input.meetingId, item.projectId);
  recordReview(ctx, input.meetingId, item.id, 'reviewed', []);
  return { id: item.id };
}

export function removeRequirement(ctx: Context, input: ParsedInput<'requirements.remove'>): { id: string } {
  loadRequirement(ctx, input.id);
  ctx.store.apply(changesFor('requirement', input.id, { deleted: true }));
  return { id: input.id };
}

export function commentRequirement(ctx: Context, input: ParsedInput<'requirements.comment'>): RequirementComment {
  loadRequirement(ctx, input.id);
  const id = newId();
  const comment = { requirementId: input.id, text: input.text, author: authorName(ctx.store), createdAt: ctx.now().toISOString() };
  ctx.store.apply(changesFor('requirementComment', id, comment));
  return { id, ...comment };
}

/** Fields that are bookkeeping, not something a person changed: left out of the history. */
const UNTRACKED = new Set(['projectId', 'number', 'createdAt', 'source', 'meetingId', 'agendaItemId', 'deleted']);

function historyOf(ctx: Context, id: string): HistoryEntry[] {
  const rows = ctx.store.db
    .prepare(
      `SELECT c.stamp, c.device_id, c.field, c.value, d.user_name, d.host_name, d.person_name
         FROM change_log c LEFT JOIN device d ON d.id = c.device_id
        WHERE c.entity = 'requirement' AND c.row_id = ? ORDER BY c.stamp`,
    )
    .all(id) as { stamp: string; device_id: string; field: string; value: string; user_name: string | null; host_name: string | null; person_name: string | null }[];
  const current = new Map<string, HistoryEntry['to']>();
  const entries: HistoryEntry[] = [];
  for (const r of rows) {
    const value = JSON.parse(r.value) as HistoryEntry['to'];
    const known = current.has(r.field);
    const from = current.get(r.field) ?? null;
    current.set(r.field, value);
    if (UNTRACKED.has(r.field)) continue;
    // A field created empty is not news; its first value is.
    if (!known && (value === null || value === '')) continue;
    entries.push({
      field: r.field,
      from,
      to: value,
      at: new Date(parseStamp(r.stamp).ms).toISOString(),
      deviceId: r.device_id,
      by: deviceLabel(r.user_name === null ? undefined : { user_name: r.user_name, host_name: r.host_name ?? '', person_name: r.person_name ?? '' }, r.device_id),
    });
  }
  return entries;
}

export function getRequirement(ctx: Context, input: ParsedInput<'requirements.get'>): RequirementDetail {
  const requirement = loadRequirement(ctx, input.id);
  const comments = (
    ctx.store.db
      .prepare('SELECT * FROM requirement_comment WHERE requirement_id = ? AND deleted = 0 ORDER BY created_at, id')
      .all(input.id) as { id: string; requirement_id: string; text: string; author: string; created_at: string }[]
  ).map((c) => ({ id: c.id, requirementId: c.requirement_id, text: c.text, author: c.author, createdAt: c.created_at }));
  return { requirement, comments, history: historyOf(ctx, input.id) };
}
