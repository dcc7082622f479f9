// Meetings and their minutes: attendees from the project's people, agenda items with notes and
// decisions, action items (checklist items recorded under an agenda item), and for a status call
// the checklist items it went through.
import { and, count, desc, eq, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/api.ts';
import { ApiError } from '../../../shared/errors.ts';
import { localIsoDate } from '../../../shared/iso-date.ts';
import type { AgendaDecision, AgendaItem, Attendee, Meeting, MeetingDetail, MeetingSummary, ReviewedItem } from '../../../shared/meetings/types.ts';
import { fieldsOf, live, liveRow } from '../db/read.ts';
import * as t from '../db/tables/index.ts';
import { getProfile } from '../device.ts';
import { newId } from '../ids.ts';
import { requirementsWhere } from './checklist.ts';
import { changesFor, requireMember, requireRow, type Context } from './context.ts';
import { found } from './rows.ts';
import { feedbackOf, materialsOf, requireTrainingTopics } from './training.ts';
import { findTopic, projectPack } from './workshops.ts';

type AgendaRow = Omit<AgendaItem, 'decisions' | 'actions'>;

export function loadMeeting(ctx: Context, id: string, field = 'id'): Meeting {
  return found(ctx.store.orm.select(fieldsOf(t.meeting)).from(t.meeting).where(liveRow(t.meeting, id)).get(), field, 'meeting', id);
}

/** When a meeting is: its start, or when it was recorded (to the minute) while it has none. */
function meetingTime(): SQL {
  return sql`coalesce(${t.meeting.startsAt}, substr(${t.meeting.createdAt}, 1, 16))`;
}

function loadAgendaRow(ctx: Context, id: string, field = 'id'): AgendaRow {
  return found(ctx.store.orm.select(fieldsOf(t.agendaItem)).from(t.agendaItem).where(liveRow(t.agendaItem, id)).get(), field, 'agenda item', id);
}

const agendaDecisionFields = { id: t.agendaDecision.id, agendaItemId: t.agendaDecision.agendaItemId, text: t.agendaDecision.text };

function decisionsOf(ctx: Context, meetingId: string): AgendaDecision[] {
  return ctx.store.orm
    .select(agendaDecisionFields)
    .from(t.agendaDecision)
    .where(and(eq(t.agendaDecision.meetingId, meetingId), live(t.agendaDecision)))
    .orderBy(t.agendaDecision.createdAt, t.agendaDecision.id)
    .all();
}

function agendaOf(ctx: Context, meetingId: string): AgendaItem[] {
  const rows = ctx.store.orm
    .select(fieldsOf(t.agendaItem))
    .from(t.agendaItem)
    .where(and(eq(t.agendaItem.meetingId, meetingId), live(t.agendaItem)))
    .orderBy(t.agendaItem.position, t.agendaItem.id)
    .all();
  const decisions = decisionsOf(ctx, meetingId);
  const actions = requirementsWhere(ctx, and(eq(t.requirement.meetingId, meetingId), isNotNull(t.requirement.agendaItemId)));
  return rows.map((r) => ({
    ...r,
    decisions: decisions.filter((d) => d.agendaItemId === r.id),
    actions: actions.filter((a) => a.agendaItemId === r.id),
  }));
}

function toAgendaItem(ctx: Context, id: string): AgendaItem {
  const row = loadAgendaRow(ctx, id);
  return agendaOf(ctx, row.meetingId).find((a) => a.id === id)!;
}

function attendeesOf(ctx: Context, meetingId: string): Attendee[] {
  return ctx.store.orm
    .select({ personId: t.meetingAttendee.personId, presence: t.meetingAttendee.presence })
    .from(t.meetingAttendee)
    .innerJoin(t.person, eq(t.person.id, t.meetingAttendee.personId))
    .where(and(eq(t.meetingAttendee.meetingId, meetingId), live(t.meetingAttendee)))
    .orderBy(t.person.name, t.person.id)
    .all();
}

/** The status call's minutes: the checklist items it reviewed, changed or added, by number. */
function reviewOf(ctx: Context, meetingId: string): ReviewedItem[] {
  return ctx.store.orm
    .select({
      requirementId: t.meetingReview.requirementId,
      number: t.requirement.number,
      title: t.requirement.title,
      outcome: t.meetingReview.outcome,
      changes: t.meetingReview.changes,
    })
    .from(t.meetingReview)
    .innerJoin(t.requirement, eq(t.requirement.id, t.meetingReview.requirementId))
    .where(and(eq(t.meetingReview.meetingId, meetingId), live(t.meetingReview), live(t.requirement)))
    .orderBy(t.requirement.number)
    .all();
}

export function getMeeting(ctx: Context, input: ParsedInput<'meetings.get'>): MeetingDetail {
  const meeting = loadMeeting(ctx, input.id);
  return {
    meeting,
    attendees: attendeesOf(ctx, meeting.id),
    agenda: agendaOf(ctx, meeting.id),
    review: reviewOf(ctx, meeting.id),
    materials: materialsOf(ctx, meeting.id),
    feedback: feedbackOf(ctx, meeting.id),
  };
}

export function listMeetings(ctx: Context, input: ParsedInput<'meetings.list'>): MeetingSummary[] {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  const decisions = ctx.store.orm
    .select({ n: count() })
    .from(t.agendaDecision)
    .where(and(eq(t.agendaDecision.meetingId, t.meeting.id), live(t.agendaDecision)));
  const actions = ctx.store.orm
    .select({ n: count() })
    .from(t.requirement)
    .where(and(eq(t.requirement.meetingId, t.meeting.id), isNotNull(t.requirement.agendaItemId), live(t.requirement)));
  return ctx.store.orm
    .select({
      id: t.meeting.id,
      kind: t.meeting.kind,
      title: t.meeting.title,
      startsAt: t.meeting.startsAt,
      decisions: sql<number>`(${decisions})`,
      actions: sql<number>`(${actions})`,
    })
    .from(t.meeting)
    .where(and(eq(t.meeting.projectId, input.projectId), live(t.meeting)))
    .orderBy(desc(meetingTime()), desc(t.meeting.id))
    .all();
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
  const name = me.name.trim();
  const sameEmail = sql`lower(${t.person.email}) = lower(${me.email})`;
  const row = ctx.store.orm
    .select({ id: t.person.id })
    .from(t.membership)
    .innerJoin(t.person, eq(t.person.id, t.membership.personId))
    .where(
      and(
        eq(t.membership.projectId, projectId),
        live(t.membership),
        live(t.person),
        or(me.email !== '' ? sameEmail : undefined, name !== '' ? eq(t.person.name, name) : undefined),
      ),
    )
    .orderBy(desc(sameEmail))
    .limit(1)
    .get();
  return row?.id ?? null;
}

export function createMeeting(ctx: Context, input: ParsedInput<'meetings.create'>): MeetingDetail {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  // A weekly status call is the same group every week: start from the previous call's people.
  const previous =
    input.kind === 'status_call'
      ? ctx.store.orm
          .select(fieldsOf(t.meeting))
          .from(t.meeting)
          .where(and(eq(t.meeting.projectId, input.projectId), eq(t.meeting.kind, 'status_call'), live(t.meeting)))
          .orderBy(desc(meetingTime()), desc(t.meeting.id))
          .limit(1)
          .get()
      : undefined;
  const id = newId();
  const changes = changesFor('meeting', id, {
    projectId: input.projectId,
    kind: input.kind,
    title: input.title ?? '',
    startsAt: input.startsAt === undefined ? localNow(ctx) : input.startsAt,
    durationMinutes: previous?.durationMinutes ?? null,
    place: previous?.place ?? '',
    chairId: previous?.chairId ?? null,
    minuteTakerId: previous?.minuteTakerId ?? meAmong(ctx, input.projectId),
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
  const meeting = loadMeeting(ctx, input.id);
  const { id, topicKeys, trainingAudience, trainingTopicKeys, trainingCustomTopics, ...fields } = input;
  if (fields.chairId) requireMember(ctx, meeting.projectId, fields.chairId, 'chairId');
  if (fields.trainerId) requireMember(ctx, meeting.projectId, fields.trainerId, 'trainerId');
  if (trainingTopicKeys) requireTrainingTopics(ctx, meeting.projectId, trainingTopicKeys);
  if (fields.minuteTakerId) requireMember(ctx, meeting.projectId, fields.minuteTakerId, 'minuteTakerId');
  if (topicKeys) {
    const pack = projectPack(ctx, meeting.projectId);
    topicKeys.forEach((key, i) => {
      try {
        findTopic(pack, key);
      } catch {
        throw new ApiError({ code: 'not_found', field: `topicKeys.${i}`, message: `topicKeys.${i}: no workshop topic "${key}"` });
      }
    });
  }
  const list = (values: readonly string[] | undefined) => (values ? JSON.stringify([...new Set(values)]) : undefined);
  ctx.store.apply(
    changesFor('meeting', id, {
      ...fields,
      topicKeys: list(topicKeys),
      trainingAudience: list(trainingAudience),
      trainingTopicKeys: list(trainingTopicKeys),
      trainingCustomTopics: list(trainingCustomTopics?.map((topic) => topic.trim()).filter(Boolean)),
    }),
  );
  return getMeeting(ctx, { id });
}

export function removeMeeting(ctx: Context, input: ParsedInput<'meetings.remove'>): { id: string } {
  loadMeeting(ctx, input.id);
  // Its action items stay on the checklist (still from a meeting), no longer pointing at it.
  const actions = requirementsWhere(ctx, eq(t.requirement.meetingId, input.id));
  ctx.store.apply([
    ...changesFor('meeting', input.id, { deleted: true }),
    ...actions.flatMap((a) => changesFor('requirement', a.id, { meetingId: null, agendaItemId: null })),
  ]);
  return { id: input.id };
}

export function setAttendee(ctx: Context, input: ParsedInput<'meetings.setAttendee'>): MeetingDetail {
  const meeting = loadMeeting(ctx, input.meetingId, 'meetingId');
  requireMember(ctx, meeting.projectId, input.personId, 'personId');
  ctx.store.apply(
    changesFor('meetingAttendee', `${meeting.id}/${input.personId}`, {
      meetingId: meeting.id,
      personId: input.personId,
      presence: input.presence ?? 'present',
      deleted: input.presence === null,
    }),
  );
  return getMeeting(ctx, { id: meeting.id });
}

export function addAgendaItem(ctx: Context, input: ParsedInput<'agenda.add'>): AgendaItem {
  const meeting = loadMeeting(ctx, input.meetingId, 'meetingId');
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
  const decisions = decisionsOf(ctx, row.meetingId).filter((d) => d.agendaItemId === row.id);
  ctx.store.apply([
    ...changesFor('agendaItem', row.id, { deleted: true }),
    ...decisions.flatMap((d) => changesFor('agendaDecision', d.id, { deleted: true })),
  ]);
  return { id: row.id };
}

export function addAgendaDecision(ctx: Context, input: ParsedInput<'agenda.decide'>): AgendaDecision {
  const item = loadAgendaRow(ctx, input.agendaItemId, 'agendaItemId');
  const id = newId();
  ctx.store.apply(changesFor('agendaDecision', id, { meetingId: item.meetingId, agendaItemId: item.id, text: input.text, createdAt: ctx.now().toISOString() }));
  return { id, agendaItemId: item.id, text: input.text };
}

function loadAgendaDecision(ctx: Context, id: string): AgendaDecision {
  return found(ctx.store.orm.select(agendaDecisionFields).from(t.agendaDecision).where(liveRow(t.agendaDecision, id)).get(), 'id', 'decision', id);
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
