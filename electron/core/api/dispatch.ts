// The single entry to the API for every host: check the method, validate the input against its
// schema, run the handler (writes inside one transaction), and turn failures into ApiErrors.
import type { z } from 'zod';
import { api, isMethodName } from '../../../shared/api.ts';
import { ApiError } from '../../../shared/errors.ts';
import type { Context } from './context.ts';
import { handlers } from './handlers.ts';

function fieldOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) {
    return [...issue.path, issue.keys[0]!].map(String).join('.');
  }
  return issue.path.map(String).join('.');
}

function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return 'Required';
  return issue.message;
}

export function invalidInput(error: z.ZodError): ApiError {
  const issues = error.issues.map((issue) => ({ field: fieldOf(issue) || '(input)', message: messageOf(issue) }));
  const first = issues[0]!;
  return new ApiError({
    code: 'invalid_input',
    field: first.field,
    message: issues.map((i) => `${i.field}: ${i.message}`).join('; '),
    issues,
  });
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError({ code: 'internal', message });
}

export function callMethod(ctx: Context, method: unknown, input: unknown): unknown {
  if (!isMethodName(method)) {
    throw new ApiError({ code: 'unknown_method', field: 'method', message: `method: unknown API method ${JSON.stringify(method)}` });
  }
  const def = api[method];
  const parsed = def.input.safeParse(input === undefined ? {} : input);
  if (!parsed.success) throw invalidInput(parsed.error);
  if (def.kind === 'write' && ctx.store.readOnly) {
    throw new ApiError({ code: 'read_only', message: ctx.store.readOnlyReason ?? 'The database is read-only.' });
  }
  // The table is indexed by the same name, so the handler matches the parsed input.
  const handler = handlers[method] as (ctx: Context, input: unknown) => unknown;
  try {
    return def.kind === 'write' ? ctx.store.transaction(() => handler(ctx, parsed.data)) : handler(ctx, parsed.data);
  } catch (error) {
    throw toApiError(error);
  }
}
