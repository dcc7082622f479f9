// The requirements checklist: items numbered per project, action items of meetings among them,
// comments, the history of every change read from the change log, and what a status call did
// with each item (its minutes).
import { and, eq, type SQL } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/api.ts';
import type { Phase } from '../../../shared/domain.ts';
import {
  EDITABLE_FIELDS,
  type EditableField,
  type HistoryEntry,
  type Requirement,
  type RequirementComment,
  type RequirementDetail,
} from '../../../shared/checklist/types.ts';
import { ApiError } from '../../../shared/errors.ts';
import type { ReviewChange, ReviewOutcome } from '../../../shared/meetings/types.ts';
import { fieldsOf, live, liveRow } from '../db/read.ts';
import * as t from '../db/tables/index.ts';
import { authorName, deviceLabel } from '../device.ts';
import { parseStamp } from '../hlc.ts';
import { newId } from '../ids.ts';
import { nextFreeNumber } from '../sync/numbers.ts';
import { changesFor, requireMember, requireRow, type Context } from './context.ts';
import { rowChanges } from './row-changes.ts';
import { found, loadProject } from './rows.ts';
import { findTopic, projectPack } from './workshops.ts';

export function loadRequirement(ctx: Context, id: string, field = 'id'): Requirement {
  const row = ctx.store.orm.select(fieldsOf(t.requirement)).from(t.requirement).where(liveRow(t.requirement, id)).get();
  return found(row, field, 'checklist item', id);
}

/** Live checklist items that meet the condition, by number. */
export function requirementsWhere(ctx: Context, where: SQL | undefined): Requirement[] {
  return ctx.store.orm
    .select(fieldsOf(t.requirement))
    .from(t.requirement)
    .where(and(where, live(t.requirement)))
    .orderBy(t.requirement.number, t.requirement.id)
    .all();
}

/** The project's checklist, by number. */
export function projectRequirements(ctx: Context, projectId: string): Requirement[] {
  return requirementsWhere(ctx, eq(t.requirement.projectId, projectId));
}

export function listRequirements(ctx: Context, input: ParsedInput<'requirements.list'>): Requirement[] {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  return projectRequirements(ctx, input.projectId);
}

/**
 * The next free number of the project. Removed items keep theirs (R-004 stays gone rather than
 * naming another item), and so do numbers sync took from an item ("was R-042"). Write methods run
 * in an IMMEDIATE transaction, so two processes on the same file cannot both read the same maximum.
 */
export function nextNumber(ctx: Context, projectId: string): number {
  return nextFreeNumber(ctx.store, 'requirement', projectId);
}

type Fields = Partial<Pick<Requirement, EditableField>>;

/** The people and topics an item names belong to its project. */
export function checkReferences(ctx: Context, projectId: string, fields: Fields): void {
  if (fields.responsibleId) requireMember(ctx, projectId, fields.responsibleId, 'responsibleId');
  if (fields.topicKey) findTopic(projectPack(ctx, projectId), fields.topicKey);
}

/** The meeting a status-call change is recorded in: one of the item's project. */
function requireProjectMeeting(ctx: Context, meetingId: string, projectId: string): void {
  const row = ctx.store.orm.select({ projectId: t.meeting.projectId }).from(t.meeting).where(liveRow(t.meeting, meetingId)).get();
  if (found(row, 'meetingId', 'meeting', meetingId).projectId !== projectId) {
    throw new ApiError({ code: 'invalid_input', field: 'meetingId', message: 'meetingId: the meeting belongs to another project' });
  }
}

const shown = (value: string | number | null | undefined): string | null => (value === null || value === undefined ? null : String(value));

/**
 * Notes in a meeting's minutes what it did with an item. An item added in the call stays
 * "added"; changes to the same field within one call fold into one, from the first value to the
 * last, and a field changed back to where it started drops out.
 */
function recordReview(ctx: Context, meetingId: string, requirementId: string, outcome: ReviewOutcome, changes: ReviewChange[]): void {
  const id = `${meetingId}/${requirementId}`;
  const existing = ctx.store.orm
    .select({ outcome: t.meetingReview.outcome, changes: t.meetingReview.changes })
    .from(t.meetingReview)
    .where(liveRow(t.meetingReview, id))
    .get();
  const merged: ReviewChange[] = existing?.changes ?? [];
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
  const meeting = ctx.store.orm.select({ topicKeys: t.meeting.topicKeys }).from(t.meeting).where(eq(t.meeting.id, meetingId)).get();
  const topicKey = found(meeting, 'meetingId', 'meeting', meetingId).topicKeys[0] ?? null;
  const topic = topicKey === null ? undefined : projectPack(ctx, projectId).topics.find((x) => x.key === topicKey);
  if (topic) return { topicKey, phase: topic.phase };
  return { topicKey: null, phase: loadProject(ctx, projectId).phase };
}

export function createRequirement(ctx: Context, input: ParsedInput<'requirements.create'>): Requirement {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  const { projectId, agendaItemId, meetingId: callId, source, ...fields } = input;
  checkReferences(ctx, projectId, fields);
  let meetingId: string | null = null;
  if (agendaItemId) {
    const item = ctx.store.orm.select({ meetingId: t.agendaItem.meetingId }).from(t.agendaItem).where(liveRow(t.agendaItem, agendaItemId)).get();
    meetingId = found(item, 'agendaItemId', 'agenda item', agendaItemId).meetingId;
    requireProjectMeeting(ctx, meetingId, projectId);
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

/**
 * Fields that are bookkeeping, not something a person changed: left out of the history. A number
 * changes only when sync renumbers the item, which the history shows (with the reason) instead of
 * the former numbers that come with it.
 */
const UNTRACKED = new Set(['projectId', 'createdAt', 'source', 'meetingId', 'agendaItemId', 'deleted', 'formerNumbers']);

function historyOf(ctx: Context, id: string): HistoryEntry[] {
  const rows = rowChanges(ctx, 'requirement', id);
  const current = new Map<string, HistoryEntry['to']>();
  const entries: HistoryEntry[] = [];
  for (const r of rows) {
    const known = current.has(r.field);
    const from = current.get(r.field) ?? null;
    current.set(r.field, r.value);
    if (UNTRACKED.has(r.field)) continue;
    // A field created empty is not news; its first value is. The number the item was made with is not either.
    if (!known && (r.value === null || r.value === '' || r.field === 'number')) continue;
    // The same value set again (two devices that renumbered alike, say) changed nothing.
    if (known && from === r.value) continue;
    entries.push({
      field: r.field,
      from,
      to: r.value,
      at: new Date(parseStamp(r.stamp).ms).toISOString(),
      deviceId: r.deviceId,
      by: deviceLabel(r.device ?? undefined, r.deviceId),
      ...(r.field === 'number' ? { why: 'renumbered' as const } : {}),
    });
  }
  return entries;
}

export function getRequirement(ctx: Context, input: ParsedInput<'requirements.get'>): RequirementDetail {
  const requirement = loadRequirement(ctx, input.id);
  const comments: RequirementComment[] = ctx.store.orm
    .select(fieldsOf(t.requirementComment))
    .from(t.requirementComment)
    .where(and(eq(t.requirementComment.requirementId, input.id), live(t.requirementComment)))
    .orderBy(t.requirementComment.createdAt, t.requirementComment.id)
    .all();
  return { requirement, comments, history: historyOf(ctx, input.id) };
}
