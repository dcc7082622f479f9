import { eq, max } from 'drizzle-orm';
import type { Activity } from '../../../shared/domain.ts';
import type { ParsedInput } from '../../../shared/api.ts';
import { ApiError } from '../../../shared/errors.ts';
import * as t from '../db/tables/index.ts';
import { newId } from '../ids.ts';
import { changesFor, requireRow, type Context } from './context.ts';
import { loadActivity } from './rows.ts';

export function updateActivity(ctx: Context, input: ParsedInput<'activities.update'>): Activity {
  const { id, ...fields } = input;
  const activity = loadActivity(ctx, id);
  if (fields.title !== undefined && activity.templateKey !== null) {
    throw new ApiError({ code: 'invalid_input', field: 'title', message: 'title: activities from the process template keep their title' });
  }
  ctx.store.apply(changesFor('activity', id, fields));
  return loadActivity(ctx, id);
}

export function addActivity(ctx: Context, input: ParsedInput<'activities.add'>): Activity {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  // Removed activities keep their positions: a new one goes after every one there ever was.
  const last = ctx.store.orm.select({ last: max(t.activity.position) }).from(t.activity).where(eq(t.activity.projectId, input.projectId)).get()?.last ?? -1;
  const id = newId();
  ctx.store.apply(
    changesFor('activity', id, {
      projectId: input.projectId,
      phase: input.phase,
      templateKey: null,
      parentKey: null,
      title: input.title,
      position: last + 1,
      status: 'open',
    }),
  );
  return loadActivity(ctx, id);
}

export function removeActivity(ctx: Context, input: ParsedInput<'activities.remove'>): { id: string } {
  const activity = loadActivity(ctx, input.id);
  if (activity.templateKey !== null) {
    throw new ApiError({
      code: 'invalid_input',
      field: 'id',
      message: "id: activities from the process template cannot be removed; mark them 'not needed' instead",
    });
  }
  ctx.store.apply(changesFor('activity', input.id, { deleted: true }));
  return { id: input.id };
}
