// The single entry to the API for every host: check the method, check that the input is within
// what any input can be (nesting, Unicode text; see shared/json-check.ts), validate it against its
// schema, run the handler (writes inside one transaction; a task's promise as it is), and turn
// failures into ApiErrors. Hosts await the answer: a task's comes later. Long work reports its
// progress and checks for cancellation through the caller's TaskControl.
import { api, isMethodName } from '../../../shared/api.ts';
import { ApiError } from '../../../shared/errors.ts';
import { checkJsonValue } from '../../../shared/json-check.ts';
import { UNWATCHED, type TaskControl } from '../task-control.ts';
import type { Context } from './context.ts';
import { handlers } from './handlers.ts';
import { invalidInput, jsonProblemError } from './input-errors.ts';

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError({ code: 'internal', message });
}

export function callMethod(ctx: Context, method: unknown, input: unknown, control: TaskControl = UNWATCHED): unknown {
  if (!isMethodName(method)) {
    throw new ApiError({ code: 'unknown_method', field: 'method', message: `method: unknown API method ${JSON.stringify(method)}` });
  }
  const def = api[method];
  const given = input === undefined ? {} : input;
  // Before the schema: zod walks the input recursively, and a value nested thousands of levels deep
  // would run it out of stack (an internal error instead of the refusal it deserves).
  const problem = checkJsonValue(given);
  if (problem) throw jsonProblemError(problem);
  const parsed = def.input.safeParse(given);
  if (!parsed.success) throw invalidInput(parsed.error, given);
  if ((def.kind === 'write' || def.kind === 'task') && ctx.store.readOnly) {
    throw ctx.store.readOnlyError();
  }
  // The table is indexed by the same name, so the handler matches the parsed input.
  const handler = handlers[method] as (ctx: Context, input: unknown, control: TaskControl) => unknown;
  try {
    if (def.kind === 'task') return (handler(ctx, parsed.data, control) as Promise<unknown>).catch((error: unknown) => Promise.reject(toApiError(error)));
    return def.kind === 'write' ? ctx.store.transaction(() => handler(ctx, parsed.data, control)) : handler(ctx, parsed.data, control);
  } catch (error) {
    throw toApiError(error);
  }
}
