// The hardware sizing of a project: inputs and assumptions as the consultant set them, and the
// result computed from them when saved (documents print the saved result as it was agreed).
import type { ParsedInput } from '../../../shared/api.ts';
import { computeSizing, defaultSizingInput, sizingInputSchema } from '../../../shared/workshops/sizing.ts';
import type { ProjectSizing } from '../../../shared/workshops/types.ts';
import { changesFor, requireRow, type Context } from './context.ts';

export function getSizing(ctx: Context, input: ParsedInput<'sizing.get'>): ProjectSizing {
  requireRow(ctx, 'project', input.projectId, 'projectId');
  const row = ctx.store.db.prepare('SELECT input, updated_at FROM sizing WHERE id = ? AND deleted = 0').get(input.projectId) as
    | { input: string; updated_at: string }
    | undefined;
  // Stored inputs were valid when saved; should a later version add a field, its default fills in.
  const stored = row ? sizingInputSchema.safeParse(JSON.parse(row.input)) : null;
  const sizingInput = stored?.success ? stored.data : defaultSizingInput();
  return { input: sizingInput, result: computeSizing(sizingInput), updatedAt: row?.updated_at ?? null };
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
