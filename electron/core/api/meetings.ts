// Meetings and their minutes: attendees from the project's people, agenda items with notes and
// decisions, action items (checklist items recorded under an agenda item), and for a status call
// the checklist items it went through.
import type { ParsedInput } from '../../../shared/api.ts';
import { ApiError } from '../../../shared/errors.ts';
import { localIsoDate } from '../../../shared/iso-date.ts';
import type {
  AgendaDecision,
  AgendaItem,
  Attendee,
  Meeting,
  MeetingDetail,
  MeetingKind,
  MeetingSummary,
  Presence,
  PreviousMinutes,
  ReviewChange,
  ReviewedItem,
  ReviewOutcome,
} from '../../../shared/meetings/types.ts';
import { getProfile } from '../device.ts';
import { newId } from '../ids.ts';
import { requirementsWhere } from './checklist.ts';
import { changesFor, requireMember, requireRow, type Context } from './context.ts';
import { findTopic, projectPack } from './workshops.ts';

interface MeetingRow {
  id: string;
  project_id: string;
  kind: string;
  title: string;
  starts_at: string | null;
  duration_minutes: number | null;
  place: string;
  chair_id: string | null;
  minute_taker_id: string | null;
  previous_minutes: string;
  previous_minutes_note: string;
  topic_keys: string;
  next_meeting_at: string | null;
  next_meeting_note: string;
  created_at: string;
}

const toMeeting = (r: MeetingRow): Meeting => ({
  id: r.id,
  projectId: r.project_id,
  kind: r.kind as MeetingKind,
  title: r.title,
  startsAt: r.starts_at,
  durationMinutes: r.duration_minutes,
  place: r.place,
  chairId: r.chair_id,
  minuteTakerId: r.minute_taker_id,
  previousMinutes: r.previous_minutes as PreviousMinutes,
  previousMinutesNote: r.previous_minutes_note,
  topicKeys: JSON.parse(r.topic_keys) as string[],
  nextMeetingAt: r.next_meeting_at,
  nextMeetingNote: r.next_meeting_note,
  createdAt: r.created_at,
});

function loadMeetingRow(ctx: Context, id: string, field = 'id'): MeetingRow {
  const row = ctx.store.db.prepare('SELECT * FROM meeting WHERE id = ? AND deleted = 0').get(id) as MeetingRow | undefined;
  if (!row) throw new ApiError({ code: 'not_found', field, message: `${field}: no meeting with id ${id}` });
  return row;
}

interface AgendaRow {
  id: string;
  meeting_id: string;
  position: number;
  title: string;
  notes: string;
}

function loadAgendaRow(ctx: Context, id: string, field = 'id'): AgendaRow {
  const row = ctx.store.db.prepare('SELECT * FROM agenda_item WHERE id = ? AND deleted = 0').get(id) as AgendaRow | undefined;
  if (!row) throw new ApiError({ code: 'not_found', field, message: `${field}: no agenda item with id ${id}` });
  return row;
}

function decisionsOf(ctx: Context, meetingId: string): AgendaDecision[] {
  const rows = ctx.store.db
    .prepare('SELECT id, agenda_item_id, text FROM agenda_decision WHERE meeting_id = ? AND deleted = 0 ORDER BY created_at, id')
    .all(meetingId) as { id: string; agenda_item_id: string; text: string }[];
  return rows.map((r) => ({ id: r.id, agendaItemId: r.agenda_item_id, text: r.text }));
}

function agendaOf(ctx: Context, meetingId: string): AgendaItem[] {
  const rows = ctx.store.db.prepare('SELECT * FROM agenda_item WHERE meeting_id = ? AND deleted = 0 ORDER BY position, id').all(meetingId) as AgendaRow[];
  const decisions = decisionsOf(ctx, meetingId);
  const actions = requirementsWhere(ctx, 'meeting_id = ? AND agenda_item_id IS NOT NULL', meetingId);
  return rows.map((r) => ({
    id: r.id,
    meetingId: r.meeting_id,
    position: r.position,
    title: r.title,
    notes: r.notes,
    decisions: decisions.filter((d) => d.agendaItemId === r.id),
    actions: actions.filter((a) => a.agendaItemId === r.id),
  }));
}

function toAgendaItem(ctx: Context, id: string): AgendaItem {
  const row = loadAgendaRow(ctx, id);
  return agendaOf(ctx, row.meeting_id).find((a) => a.id === id)!;
}

function attendeesOf(ctx: Context, meetingId: string): Attendee[] {
  const rows = ctx.store.db
    .prepare(
      `SELECT a.person_id, a.presence FROM meeting_attendee a JOIN person p ON p.id = a.person_id
        WHERE a.meeting_id = ? AND a.deleted = 0 ORDER BY p.name, p.id`,
    )
    .all(meetingId) as { person_id: string; presence: string }[];
  return rows.map((r) => ({ personId: r.person_id, presence: r.presence as Presence }));
}

/** The status call's minutes: the checklist items it reviewed, changed or added, by number. */
function reviewOf(ctx: Context, meetingId: string): ReviewedItem[] {
  const rows = ctx.store.db
    .prepare(
      `SELECT v.requirement_id, v.outcome, v.changes, r.number, r.title FROM meeting_review v
         JOIN requirement r ON r.id = v.requirement_id
        WHERE v.meeting_id = ? AND v.deleted = 0 AND r.deleted = 0 ORDER BY r.number`,
    )
    .all(meetingId) as { requirement_id: string; outcome: string; changes: string; number: number; title: string }[];
  return rows.map((r) => ({
    requirementId: r.requirement_id,
    number: r.number,
    title: r.title,
    outcome: r.outcome as ReviewOutcome,
    changes: JSON.parse(r.changes) as ReviewChange[],
  }));
}

export function getMeeting(ctx: Context, input: ParsedInput<'meetings.get'>): MeetingDetail {
  const row = loadMeetingRow(ctx, input.id);
  return { meeting: toMeeting(row), attendees: attendeesOf(ctx, row.id), agenda: agendaOf(ctx, row.id), review: reviewOf(ctx, row.id) };
}

export function listMeetings(ctx: Context, input: ParsedInput<'meetings.list'>): MeetingSummary[] {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  const rows = ctx.store.db
    .prepare(
      `SELECT m.id, m.kind, m.title, m.starts_at,
              (SELECT count(*) FROM agenda_decision d WHERE d.meeting_id = m.id AND d.deleted = 0) AS decisions,
              (SELECT count(*) FROM requirement r WHERE r.meeting_id = m.id AND r.agenda_item_id IS NOT NULL AND r.deleted = 0) AS actions
         FROM meeting m WHERE m.project_id = ? AND m.deleted = 0
        ORDER BY coalesce(m.starts_at, substr(m.created_at, 1, 16)) DESC, m.id DESC`,
    )
    .all(input.projectId) as { id: string; kind: string; title: string; starts_at: string | null; decisions: number; actions: number }[];
  return rows.map((r) => ({ id: r.id, kind: r.kind as MeetingKind, title: r.title, startsAt: r.starts_at, decisions: r.decisions, actions: r.actions }));
}

/** Now, to the minute, where the consultant is: a meeting is usually recorded as it starts. */
function localNow(ctx: Context): string {
  const now = ctx.now();
  return `${localIsoDate(now)}T${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
}

/** The consultant of this installation among the project's people (by e-mail, else by name): who takes the minutes by default. */
function meAmong(ctx: Context, projectId: string): string | null {
  const me = getProfile(ctx);
  if (!me.name.trim() && !me.email.trim()) return null;
  const row = ctx.store.db
    .prepare(
      `SELECT p.id FROM membership m JOIN person p ON p.id = m.person_id
        WHERE m.project_id = ? AND m.deleted = 0 AND p.deleted = 0
          AND ((? <> '' AND lower(p.email) = lower(?)) OR (? <> '' AND p.name = ?))
        ORDER BY (lower(p.email) = lower(?)) DESC LIMIT 1`,
    )
    .get(projectId, me.email, me.email, me.name.trim(), me.name.trim(), me.email) as { id: string } | undefined;
  return row?.id ?? null;
}

export function createMeeting(ctx: Context, input: ParsedInput<'meetings.create'>): MeetingDetail {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  // A weekly status call is the same group every week: start from the previous call's people.
  const previous =
    input.kind === 'status_call'
      ? (ctx.store.db
          .prepare(
            `SELECT * FROM meeting WHERE project_id = ? AND kind = 'status_call' AND deleted = 0
              ORDER BY coalesce(starts_at, substr(created_at, 1, 16)) DESC, id DESC LIMIT 1`,
          )
          .get(input.projectId) as MeetingRow | undefined)
      : undefined;
  const id = newId();
  const changes = changesFor('meeting', id, {
    projectId: input.projectId,
    kind: input.kind,
    title: input.title ?? '',
    startsAt: input.startsAt === undefined ? localNow(ctx) : input.startsAt,
    durationMinutes: previous?.duration_minutes ?? null,
    place: previous?.place ?? '',
    chairId: previous?.chair_id ?? null,
    minuteTakerId: previous?.minute_taker_id ?? meAmong(ctx, input.projectId),
    previousMinutes: 'none',
    previousMinutesNote: '',
    topicKeys: '[]',
    nextMeetingAt: null,
    nextMeetingNote: '',
    createdAt: ctx.now().toISOString(),
  });
  for (const a of previous ? attendeesOf(ctx, previous.id) : []) {
    changes.push(...changesFor('meetingAttendee', `${id}/${a.personId}`, { meetingId: id, personId: a.personId, presence: 'present', deleted: false }));
  }
  ctx.store.apply(changes);
  return getMeeting(ctx, { id });
}

export function updateMeeting(ctx: Context, input: ParsedInput<'meetings.update'>): MeetingDetail {
  const row = loadMeetingRow(ctx, input.id);
  const { id, topicKeys, ...fields } = input;
  if (fields.chairId) requireMember(ctx, row.project_id, fields.chairId, 'chairId');
  if (fields.minuteTakerId) requireMember(ctx, row.project_id, fields.minuteTakerId, 'minuteTakerId');
  if (topicKeys) {
    const pack = projectPack(ctx, row.project_id);
    topicKeys.forEach((key, i) => {
      try {
        findTopic(pack, key);
      } catch {
        throw new ApiError({ code: 'not_found', field: `topicKeys.${i}`, message: `topicKeys.${i}: no workshop topic "${key}"` });
      }
    });
  }
  ctx.store.apply(changesFor('meeting', id, { ...fields, topicKeys: topicKeys ? JSON.stringify([...new Set(topicKeys)]) : undefined }));
  return getMeeting(ctx, { id });
}

export function removeMeeting(ctx: Context, input: ParsedInput<'meetings.remove'>): { id: string } {
  loadMeetingRow(ctx, input.id);
  // Its action items stay on the checklist (still from a meeting), no longer pointing at it.
  const actions = requirementsWhere(ctx, 'meeting_id = ?', input.id);
  ctx.store.apply([
    ...changesFor('meeting', input.id, { deleted: true }),
    ...actions.flatMap((a) => changesFor('requirement', a.id, { meetingId: null, agendaItemId: null })),
  ]);
  return { id: input.id };
}

export function setAttendee(ctx: Context, input: ParsedInput<'meetings.setAttendee'>): MeetingDetail {
  const row = loadMeetingRow(ctx, input.meetingId, 'meetingId');
  requireMember(ctx, row.project_id, input.personId, 'personId');
  ctx.store.apply(
    changesFor('meetingAttendee', `${row.id}/${input.personId}`, {
      meetingId: row.id,
      personId: input.personId,
      presence: input.presence ?? 'present',
      deleted: input.presence === null,
    }),
  );
  return getMeeting(ctx, { id: row.id });
}

export function addAgendaItem(ctx: Context, input: ParsedInput<'agenda.add'>): AgendaItem {
  const meeting = loadMeetingRow(ctx, input.meetingId, 'meetingId');
  const items = agendaOf(ctx, meeting.id);
  const after = input.afterId ? items.findIndex((a) => a.id === input.afterId) : items.length - 1;
  if (input.afterId && after < 0) throw new ApiError({ code: 'not_found', field: 'afterId', message: `afterId: no agenda item ${input.afterId} in this meeting` });
  const id = newId();
  // Positions are 1, 2, 3, ... in order; the items after the new one move down by one.
  const changes = items.slice(after + 1).flatMap((a, i) => changesFor('agendaItem', a.id, { position: after + 3 + i }));
  changes.push(...changesFor('agendaItem', id, { meetingId: meeting.id, position: after + 2, title: input.title ?? '', notes: '' }));
  ctx.store.apply(changes);
  return toAgendaItem(ctx, id);
}

export function updateAgendaItem(ctx: Context, input: ParsedInput<'agenda.update'>): AgendaItem {
  loadAgendaRow(ctx, input.id);
  const { id, ...fields } = input;
  ctx.store.apply(changesFor('agendaItem', id, fields));
  return toAgendaItem(ctx, id);
}

export function removeAgendaItem(ctx: Context, input: ParsedInput<'agenda.remove'>): { id: string } {
  const row = loadAgendaRow(ctx, input.id);
  const decisions = decisionsOf(ctx, row.meeting_id).filter((d) => d.agendaItemId === row.id);
  ctx.store.apply([
    ...changesFor('agendaItem', row.id, { deleted: true }),
    ...decisions.flatMap((d) => changesFor('agendaDecision', d.id, { deleted: true })),
  ]);
  return { id: row.id };
}

export function addAgendaDecision(ctx: Context, input: ParsedInput<'agenda.decide'>): AgendaDecision {
  const item = loadAgendaRow(ctx, input.agendaItemId, 'agendaItemId');
  const id = newId();
  ctx.store.apply(changesFor('agendaDecision', id, { meetingId: item.meeting_id, agendaItemId: item.id, text: input.text, createdAt: ctx.now().toISOString() }));
  return { id, agendaItemId: item.id, text: input.text };
}

function loadAgendaDecision(ctx: Context, id: string): AgendaDecision {
  const row = ctx.store.db.prepare('SELECT id, agenda_item_id, text FROM agenda_decision WHERE id = ? AND deleted = 0').get(id) as
    | { id: string; agenda_item_id: string; text: string }
    | undefined;
  if (!row) throw new ApiError({ code: 'not_found', field: 'id', message: `id: no decision with id ${id}` });
  return { id: row.id, agendaItemId: row.agenda_item_id, text: row.text };
}

export function updateAgendaDecision(ctx: Context, input: ParsedInput<'agenda.updateDecision'>): AgendaDecision {
  loadAgendaDecision(ctx, input.id);
  ctx.store.apply(changesFor('agendaDecision', input.id, { text: input.text }));
  return loadAgendaDecision(ctx, input.id);
}

export function removeAgendaDecision(ctx: Context, input: ParsedInput<'agenda.removeDecision'>): { id: string } {
  loadAgendaDecision(ctx, input.id);
  ctx.store.apply(changesFor('agendaDecision', input.id, { deleted: true }));
  return { id: input.id };
}
