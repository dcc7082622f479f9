// A training session is a meeting of kind training with a few parts of its own (../db/tables/
// meetings.ts): audience, trainer and topics are fields of the meeting (meetings.update);
// materials (files kept in the database, checked against their type like test evidence, or
// links) and each present attendee's feedback are rows under it. The meeting's attendees are the
// attendance.
import { and, asc, eq } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/api.ts';
import { ApiError } from '../../../shared/errors.ts';
import { materialProblem } from '../../../shared/meetings/training.ts';
import type { MeetingDetail, TrainingFeedback, TrainingMaterial, TrainingMaterialFile } from '../../../shared/meetings/types.ts';
import type { TrainingTopic } from '../../../shared/workshops/pack.ts';
import { fieldsOf, live, liveRow } from '../db/read.ts';
import * as t from '../db/tables/index.ts';
import { newId } from '../ids.ts';
import { changesFor, requireRow, type Context } from './context.ts';
import { getMeeting, loadMeeting } from './meetings.ts';
import { found } from './rows.ts';
import { projectPack } from './workshops.ts';

const invalid = (field: string, message: string) => new ApiError({ code: 'invalid_input', field, message: `${field}: ${message}` });

export function materialsOf(ctx: Context, meetingId: string): TrainingMaterial[] {
  return ctx.store.orm
    .select({ id: t.trainingMaterial.id, name: t.trainingMaterial.name, link: t.trainingMaterial.link, mediaType: t.trainingMaterial.mediaType, bytes: t.trainingMaterial.bytes, createdAt: t.trainingMaterial.createdAt })
    .from(t.trainingMaterial)
    .where(and(eq(t.trainingMaterial.meetingId, meetingId), live(t.trainingMaterial)))
    .orderBy(asc(t.trainingMaterial.createdAt), asc(t.trainingMaterial.id))
    .all();
}

export function feedbackOf(ctx: Context, meetingId: string): TrainingFeedback[] {
  return ctx.store.orm
    .select({ personId: t.trainingFeedback.personId, score: t.trainingFeedback.score, comment: t.trainingFeedback.comment })
    .from(t.trainingFeedback)
    .where(and(eq(t.trainingFeedback.meetingId, meetingId), live(t.trainingFeedback)))
    .orderBy(t.trainingFeedback.personId)
    .all();
}

/** The project's pack's training topics (none for a pack without). */
export function trainingTopicsOf(ctx: Context, projectId: string): TrainingTopic[] {
  return projectPack(ctx, projectId).trainingTopics ?? [];
}

export function listTrainingTopics(ctx: Context, input: ParsedInput<'training.topics'>): TrainingTopic[] {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  return trainingTopicsOf(ctx, input.projectId);
}

/** Every key names a training topic of the project's pack. */
export function requireTrainingTopics(ctx: Context, projectId: string, keys: readonly string[]): void {
  const known = new Set(trainingTopicsOf(ctx, projectId).map((x) => x.key));
  keys.forEach((key, i) => {
    if (!known.has(key)) throw new ApiError({ code: 'not_found', field: `trainingTopicKeys.${i}`, message: `trainingTopicKeys.${i}: the project's pack has no training topic "${key}"` });
  });
}

/** The meeting, which must be a training: materials and feedback belong to trainings only. */
function loadTraining(ctx: Context, meetingId: string, field = 'meetingId') {
  const meeting = loadMeeting(ctx, meetingId, field);
  if (meeting.kind !== 'training') throw invalid(field, `the meeting "${meeting.title || meeting.kind}" is not a training`);
  return meeting;
}

export function setTrainingFeedback(ctx: Context, input: ParsedInput<'training.setFeedback'>): MeetingDetail {
  const meeting = loadTraining(ctx, input.meetingId);
  const attendee = ctx.store.orm
    .select({ presence: t.meetingAttendee.presence })
    .from(t.meetingAttendee)
    .where(liveRow(t.meetingAttendee, `${meeting.id}/${input.personId}`))
    .get();
  if (attendee?.presence !== 'present') throw invalid('personId', 'only an attendee marked present gives feedback on the training');
  ctx.store.apply(
    changesFor('trainingFeedback', `${meeting.id}/${input.personId}`, {
      meetingId: meeting.id,
      personId: input.personId,
      score: input.score,
      comment: input.comment,
      deleted: false,
    }),
  );
  return getMeeting(ctx, { id: meeting.id });
}

export function addMaterial(ctx: Context, input: ParsedInput<'training.addMaterial'>): MeetingDetail {
  const meeting = loadTraining(ctx, input.meetingId);
  const id = newId();
  const createdAt = ctx.now().toISOString();
  if (input.base64 !== undefined) {
    const bytes = Buffer.from(input.base64, 'base64');
    const mediaType = input.mediaType ?? '';
    const problem = materialProblem(mediaType, bytes);
    if (problem) throw invalid(problem.field, problem.message);
    ctx.store.apply(changesFor('trainingMaterial', id, { meetingId: meeting.id, name: input.name, link: '', mediaType, bytes: bytes.length, data: bytes.toString('base64'), createdAt }));
  } else {
    ctx.store.apply(changesFor('trainingMaterial', id, { meetingId: meeting.id, name: input.name, link: input.link ?? '', mediaType: '', bytes: 0, data: '', createdAt }));
  }
  return getMeeting(ctx, { id: meeting.id });
}

function loadMaterial(ctx: Context, id: string) {
  return found(ctx.store.orm.select(fieldsOf(t.trainingMaterial)).from(t.trainingMaterial).where(liveRow(t.trainingMaterial, id)).get(), 'id', 'training material', id);
}

export function getMaterial(ctx: Context, input: ParsedInput<'training.material'>): TrainingMaterialFile {
  const { data, meetingId: _meetingId, ...material } = loadMaterial(ctx, input.id);
  return { ...material, dataUrl: data === '' ? '' : `data:${material.mediaType};base64,${data}` };
}

export function removeMaterial(ctx: Context, input: ParsedInput<'training.removeMaterial'>): MeetingDetail {
  const material = loadMaterial(ctx, input.id);
  ctx.store.apply(changesFor('trainingMaterial', material.id, { deleted: true }));
  return getMeeting(ctx, { id: material.meetingId });
}

/** What the training record is made from: the training (one of the project's) and the pack's topics. */
export function trainingSource(ctx: Context, meetingId: string, projectId: string): { meeting: MeetingDetail; topics: TrainingTopic[] } {
  const meeting = loadTraining(ctx, meetingId);
  if (meeting.projectId !== projectId) throw invalid('meetingId', 'the meeting belongs to another project');
  return { meeting: getMeeting(ctx, { id: meeting.id }), topics: trainingTopicsOf(ctx, projectId) };
}
