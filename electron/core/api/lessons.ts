// Lessons learned and the internal retrospective of a project (shared/lessons/types.ts). The
// customer's feedback belongs to the project: one answer per question of the pack, and the
// project records which closing meeting (retrospective, approval review or handover) it was given
// in, if any. An action with a follow-up project (the consultancy's own, any project of the list
// but this one) is a checklist item there, made through the checklist's own create: owner side
// consultancy, the action's owner responsible (added to that project's people if not on it) and
// its due date; the action keeps the item's id, the item says where it came from
// (lessons.actionOrigin). Without a follow-up project the action stays a note.
import { and, asc, eq } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/api.ts';
import { formatDay } from '../../../shared/checklist/show.ts';
import { ApiError } from '../../../shared/errors.ts';
import { translate, type Language } from '../../../shared/i18n/index.ts';
import { CLOSING_MEETING_KINDS, type ActionOrigin, type LessonNote, type LessonsDetail, type RetroAction } from '../../../shared/lessons/types.ts';
import { scoreSummary } from '../../../shared/meetings/training.ts';
import type { FeedbackQuestion } from '../../../shared/workshops/pack.ts';
import { fieldsOf, live, liveRow } from '../db/read.ts';
import * as t from '../db/tables/index.ts';
import { newId } from '../ids.ts';
import { createRequirement, loadRequirement } from './checklist.ts';
import { changesFor, isMember, requireMember, requireRow, type Context } from './context.ts';
import { loadMeeting } from './meetings.ts';
import { addMember } from './people.ts';
import { found, loadPerson } from './rows.ts';
import { projectPack } from './workshops.ts';

const invalid = (field: string, message: string) => new ApiError({ code: 'invalid_input', field, message: `${field}: ${message}` });

export function feedbackQuestionsOf(ctx: Context, projectId: string): FeedbackQuestion[] {
  return projectPack(ctx, projectId).feedbackQuestions ?? [];
}

function notesOf(ctx: Context, projectId: string): LessonNote[] {
  return ctx.store.orm
    .select({ id: t.lessonNote.id, kind: t.lessonNote.kind, text: t.lessonNote.text, authorId: t.lessonNote.authorId, createdAt: t.lessonNote.createdAt })
    .from(t.lessonNote)
    .where(and(eq(t.lessonNote.projectId, projectId), live(t.lessonNote)))
    .orderBy(asc(t.lessonNote.createdAt), asc(t.lessonNote.id))
    .all();
}

type ActionRow = typeof t.retroAction.$inferSelect;

/** Where the action went: its checklist item while that is live, with the item's project. */
function followUpOf(ctx: Context, row: Pick<ActionRow, 'requirementId'>): RetroAction['followUp'] {
  if (!row.requirementId) return null;
  const item = ctx.store.orm
    .select({ id: t.requirement.id, number: t.requirement.number, projectId: t.requirement.projectId, projectName: t.project.name })
    .from(t.requirement)
    .innerJoin(t.project, eq(t.project.id, t.requirement.projectId))
    .where(liveRow(t.requirement, row.requirementId))
    .get();
  return item ? { projectId: item.projectId, projectName: item.projectName, requirementId: item.id, number: item.number } : null;
}

function actionsOf(ctx: Context, projectId: string): RetroAction[] {
  return ctx.store.orm
    .select(fieldsOf(t.retroAction))
    .from(t.retroAction)
    .where(and(eq(t.retroAction.projectId, projectId), live(t.retroAction)))
    .orderBy(asc(t.retroAction.createdAt), asc(t.retroAction.id))
    .all()
    .map((r) => ({ id: r.id, text: r.text, ownerId: r.ownerId, dueDate: r.dueDate, followUp: followUpOf(ctx, r), createdAt: r.createdAt }));
}

export function getLessons(ctx: Context, input: ParsedInput<'lessons.get'>): LessonsDetail {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  const { projectId } = input;
  const head = ctx.store.orm.select({ feedbackMeetingId: t.lessons.feedbackMeetingId, feedbackBy: t.lessons.feedbackBy }).from(t.lessons).where(liveRow(t.lessons, projectId)).get();
  const answers = ctx.store.orm
    .select({ questionKey: t.lessonFeedback.questionKey, score: t.lessonFeedback.score, comment: t.lessonFeedback.comment })
    .from(t.lessonFeedback)
    .where(and(eq(t.lessonFeedback.projectId, projectId), live(t.lessonFeedback)))
    .all();
  // Answers to questions a later pack dropped are not shown: the questions are the pack's.
  const feedback = feedbackQuestionsOf(ctx, projectId).map((q) => {
    const answer = answers.find((a) => a.questionKey === q.key);
    return { questionKey: q.key, question: q.text, score: answer?.score ?? null, comment: answer?.comment ?? '' };
  });
  return {
    projectId,
    feedbackMeetingId: head?.feedbackMeetingId ?? null,
    feedbackBy: head?.feedbackBy ?? '',
    feedback,
    average: scoreSummary(feedback.map((f) => f.score)).average,
    notes: notesOf(ctx, projectId),
    actions: actionsOf(ctx, projectId),
  };
}

export function updateLessons(ctx: Context, input: ParsedInput<'lessons.update'>): LessonsDetail {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  if (input.feedbackMeetingId) {
    const meeting = loadMeeting(ctx, input.feedbackMeetingId, 'feedbackMeetingId');
    if (meeting.projectId !== input.projectId) throw invalid('feedbackMeetingId', 'the meeting belongs to another project');
    if (!(CLOSING_MEETING_KINDS as readonly string[]).includes(meeting.kind)) {
      throw invalid('feedbackMeetingId', `feedback is given in a closing meeting (${CLOSING_MEETING_KINDS.join(', ')}), not in a meeting of kind ${meeting.kind}`);
    }
  }
  ctx.store.apply(changesFor('lessons', input.projectId, { projectId: input.projectId, feedbackMeetingId: input.feedbackMeetingId, feedbackBy: input.feedbackBy, deleted: false }));
  return getLessons(ctx, { projectId: input.projectId });
}

export function setFeedback(ctx: Context, input: ParsedInput<'lessons.setFeedback'>): LessonsDetail {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  if (!feedbackQuestionsOf(ctx, input.projectId).some((q) => q.key === input.questionKey)) {
    throw new ApiError({ code: 'not_found', field: 'questionKey', message: `questionKey: the project's pack has no feedback question "${input.questionKey}"` });
  }
  ctx.store.apply(
    changesFor('lessonFeedback', `${input.projectId}/${input.questionKey}`, {
      projectId: input.projectId,
      questionKey: input.questionKey,
      score: input.score,
      comment: input.comment,
      deleted: false,
    }),
  );
  return getLessons(ctx, { projectId: input.projectId });
}

export function addNote(ctx: Context, input: ParsedInput<'lessons.addNote'>): LessonsDetail {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  if (input.authorId) requireMember(ctx, input.projectId, input.authorId, 'authorId');
  ctx.store.apply(changesFor('lessonNote', newId(), { projectId: input.projectId, kind: input.kind, text: input.text, authorId: input.authorId ?? null, createdAt: ctx.now().toISOString() }));
  return getLessons(ctx, { projectId: input.projectId });
}

function loadNote(ctx: Context, id: string) {
  return found(ctx.store.orm.select(fieldsOf(t.lessonNote)).from(t.lessonNote).where(liveRow(t.lessonNote, id)).get(), 'id', 'note', id);
}

export function updateNote(ctx: Context, input: ParsedInput<'lessons.updateNote'>): LessonsDetail {
  const note = loadNote(ctx, input.id);
  if (input.authorId) requireMember(ctx, note.projectId, input.authorId, 'authorId');
  ctx.store.apply(changesFor('lessonNote', note.id, { text: input.text, authorId: input.authorId }));
  return getLessons(ctx, { projectId: note.projectId });
}

export function removeNote(ctx: Context, input: ParsedInput<'lessons.removeNote'>): LessonsDetail {
  const note = loadNote(ctx, input.id);
  ctx.store.apply(changesFor('lessonNote', note.id, { deleted: true }));
  return getLessons(ctx, { projectId: note.projectId });
}

/** An action's owner: one of the project's people, of the consultancy side. */
function requireOwner(ctx: Context, projectId: string, ownerId: string): void {
  requireMember(ctx, projectId, ownerId, 'ownerId');
  const person = loadPerson(ctx, ownerId);
  if (person.side !== 'consultancy') throw invalid('ownerId', `${person.name} is not of the consultancy side; an action of the retrospective is the consultancy's own`);
}

/** The follow-up project: another live project. */
function requireFollowUp(ctx: Context, projectId: string, followUpProjectId: string): void {
  requireRow(ctx, 'project', followUpProjectId, 'followUpProjectId');
  if (followUpProjectId === projectId) throw invalid('followUpProjectId', "the follow-up is another project (the consultancy's own), not the one the retrospective is about");
}

/** Puts the action on the follow-up project's checklist; the owner becomes one of its people if they are not. */
function toChecklist(ctx: Context, action: Pick<ActionRow, 'text' | 'ownerId' | 'dueDate'>, followUpProjectId: string): string {
  if (action.ownerId && !isMember(ctx, followUpProjectId, action.ownerId)) addMember(ctx, { projectId: followUpProjectId, personId: action.ownerId });
  const item = createRequirement(ctx, {
    projectId: followUpProjectId,
    title: action.text,
    ownerSide: 'consultancy',
    responsibleId: action.ownerId,
    dueDate: action.dueDate,
    source: 'retrospective',
  });
  return item.id;
}

export function addAction(ctx: Context, input: ParsedInput<'lessons.addAction'>): LessonsDetail {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  if (input.ownerId) requireOwner(ctx, input.projectId, input.ownerId);
  if (input.followUpProjectId) requireFollowUp(ctx, input.projectId, input.followUpProjectId);
  const action = { text: input.text, ownerId: input.ownerId ?? null, dueDate: input.dueDate ?? null };
  const requirementId = input.followUpProjectId ? toChecklist(ctx, action, input.followUpProjectId) : null;
  ctx.store.apply(
    changesFor('retroAction', newId(), {
      projectId: input.projectId,
      ...action,
      followUpProjectId: input.followUpProjectId ?? null,
      requirementId,
      createdAt: ctx.now().toISOString(),
    }),
  );
  return getLessons(ctx, { projectId: input.projectId });
}

function loadAction(ctx: Context, id: string): ActionRow {
  return found(ctx.store.orm.select().from(t.retroAction).where(liveRow(t.retroAction, id)).get(), 'id', 'action', id);
}

export function updateAction(ctx: Context, input: ParsedInput<'lessons.updateAction'>): LessonsDetail {
  const before = loadAction(ctx, input.id);
  if (input.ownerId) requireOwner(ctx, before.projectId, input.ownerId);
  if (input.followUpProjectId) requireFollowUp(ctx, before.projectId, input.followUpProjectId);
  const after = {
    text: input.text ?? before.text,
    ownerId: input.ownerId === undefined ? before.ownerId : input.ownerId,
    dueDate: input.dueDate === undefined ? before.dueDate : input.dueDate,
  };
  const target = input.followUpProjectId === undefined ? before.followUpProjectId : input.followUpProjectId;
  const item = before.requirementId ? ctx.store.orm.select({ id: t.requirement.id, projectId: t.requirement.projectId }).from(t.requirement).where(liveRow(t.requirement, before.requirementId)).get() : undefined;
  let requirementId = item ? item.id : null;
  if (item && item.projectId !== target) {
    // Moved to another follow-up project, or back to a note: the item there goes.
    ctx.store.apply(changesFor('requirement', item.id, { deleted: true }));
    requirementId = null;
  }
  // Made when a follow-up project is chosen; an item someone removed from that checklist is not brought back by editing the action.
  if (target && requirementId === null && input.followUpProjectId !== undefined) requirementId = toChecklist(ctx, after, target);
  else if (requirementId && item) {
    // The item follows the action's wording, owner and due date.
    if (after.ownerId && !isMember(ctx, item.projectId, after.ownerId)) addMember(ctx, { projectId: item.projectId, personId: after.ownerId });
    const current = loadRequirement(ctx, requirementId);
    ctx.store.apply(
      changesFor('requirement', requirementId, {
        title: after.text !== current.title ? after.text : undefined,
        responsibleId: after.ownerId !== current.responsibleId ? after.ownerId : undefined,
        dueDate: after.dueDate !== current.dueDate ? after.dueDate : undefined,
      }),
    );
  }
  ctx.store.apply(
    changesFor('retroAction', before.id, {
      text: input.text,
      ownerId: input.ownerId,
      dueDate: input.dueDate,
      followUpProjectId: input.followUpProjectId,
      requirementId: requirementId !== before.requirementId ? requirementId : undefined,
    }),
  );
  return getLessons(ctx, { projectId: before.projectId });
}

export function removeAction(ctx: Context, input: ParsedInput<'lessons.removeAction'>): LessonsDetail {
  const action = loadAction(ctx, input.id);
  ctx.store.apply(changesFor('retroAction', action.id, { deleted: true }));
  return getLessons(ctx, { projectId: action.projectId });
}

export function actionOrigin(ctx: Context, input: ParsedInput<'lessons.actionOrigin'>): { origin: ActionOrigin | null } {
  loadRequirement(ctx, input.requirementId, 'requirementId');
  const row = ctx.store.orm
    .select({ actionId: t.retroAction.id, projectId: t.retroAction.projectId, projectName: t.project.name })
    .from(t.retroAction)
    .innerJoin(t.project, eq(t.project.id, t.retroAction.projectId))
    .where(and(eq(t.retroAction.requirementId, input.requirementId), live(t.retroAction)))
    .get();
  return { origin: row ?? null };
}

/** What the lessons-learned report is made from: the lessons and the feedback meeting as its date and title say it. */
export function lessonsSource(ctx: Context, projectId: string, language: Language): { lessons: LessonsDetail; feedbackMeeting: string | null } {
  const lessons = getLessons(ctx, { projectId });
  const meeting = lessons.feedbackMeetingId
    ? ctx.store.orm.select({ title: t.meeting.title, kind: t.meeting.kind, startsAt: t.meeting.startsAt }).from(t.meeting).where(liveRow(t.meeting, lessons.feedbackMeetingId)).get()
    : undefined;
  const feedbackMeeting = meeting ? [meeting.startsAt ? formatDay(language, meeting.startsAt.slice(0, 10)) : null, meeting.title.trim() || translate(language, `meetingKind.${meeting.kind}`)].filter(Boolean).join(' ') : null;
  return { lessons, feedbackMeeting };
}
