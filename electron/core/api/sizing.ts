// The hardware sizing of a project: inputs and assumptions as the consultant set them, and the
// result computed from them when saved (documents print the saved result as it was agreed).
import type { ParsedInput } from '../../../shared/api.ts';
import { computeSizing, defaultSizingInput, sizingInputSchema, type SizingInput, type SizingResult } from '../../../shared/workshops/sizing.ts';
import type { ProjectSizing } from '../../../shared/workshops/types.ts';
import { liveRow } from '../db/read.ts';
import * as t from '../db/tables/index.ts';
import { changesFor, requireRow, type Context } from './context.ts';
import { loadProject } from './rows.ts';

export function getSizing(ctx: Context, input: ParsedInput<'sizing.get'>): ProjectSizing {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  const row = ctx.store.orm
    .select({ input: t.sizing.input, result: t.sizing.result, updatedAt: t.sizing.updatedAt })
    .from(t.sizing)
    .where(liveRow(t.sizing, input.projectId))
    .get();
  const stored = row ? sizingInputSchema.safeParse(row.input) : null;
  // The saved result is the one agreed with the customer, even should a later version calculate
  // differently. Inputs a later version no longer accepts start again from the defaults.
  if (row && stored?.success) return { input: stored.data, result: withStepsInEachLanguage(row.result, stored.data), updatedAt: row.updatedAt };
  // Never saved: the project's mailboxes, entered once with the project, are the starting point.
  const defaults = defaultSizingInput();
  const { mailboxes } = loadProject(ctx, input.projectId);
  if (mailboxes !== null) defaults.accountTypes[0]!.mailboxes = mailboxes;
  return { input: defaults, result: computeSizing(defaults), updatedAt: null };
}

/**
 * Results saved before the steps were written in each language carry one text per step: the
 * same calculation's steps, written anew from the saved inputs, take their place.
 */
function withStepsInEachLanguage(result: SizingResult, input: SizingInput): SizingResult {
  const current = result.steps.every((s) => typeof s.formula === 'object' && typeof s.value === 'object');
  return current ? result : { ...result, steps: computeSizing(input).steps };
}

export function saveSizing(ctx: Context, input: ParsedInput<'sizing.save'>): ProjectSizing {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  const result = computeSizing(input.input);
  const updatedAt = ctx.now().toISOString();
  ctx.store.apply(
    changesFor('sizing', input.projectId, {
      projectId: input.projectId,
      input: JSON.stringify(input.input),
      result: JSON.stringify(result),
      updatedAt,
    }),
  );
  return { input: input.input, result, updatedAt };
}
