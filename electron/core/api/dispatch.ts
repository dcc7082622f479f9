// The single entry to the API for every host: check the method, validate the input against its
// schema, run the handler (writes inside one transaction), and turn failures into ApiErrors.
import type { z } from 'zod';
import { api, isMethodName } from '../../../shared/api.ts';
import { ApiError, type InputIssue } from '../../../shared/errors.ts';
import type { Context } from './context.ts';
import { handlers } from './handlers.ts';

function fieldOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) {
    return [...issue.path, issue.keys[0]!].map(String).join('.');
  }
  return issue.path.map(String).join('.');
}

/** Whether the issue is about a field the input does not have (zod leaves the input out of its issues). */
function isMissing(issue: z.core.$ZodIssue, input: unknown): boolean {
  if (issue.code === 'unrecognized_keys' || issue.path.length === 0) return false;
  let value: unknown = input;
  for (const key of issue.path) {
    if (typeof value !== 'object' || value === null) return false;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value === undefined;
}

function messageOf(issue: z.core.$ZodIssue, missing: boolean): string {
  if (issue.code === 'unrecognized_keys') return `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
  if (missing) return 'Required';
  return issue.message;
}

/** The reason the UI translates, where the issue is one a user can type their way into. */
function reasonOf(issue: z.core.$ZodIssue, missing: boolean): Pick<InputIssue, 'reason' | 'limit'> {
  if (missing) return { reason: 'required' };
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? { reason: 'wholeNumber' } : {};
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? { reason: 'empty' } : {};
      return issue.origin === 'number' ? { reason: 'tooSmall', limit: Number(issue.minimum) } : {};
    case 'too_big':
      if (issue.origin === 'string') return { reason: 'tooLong', limit: Number(issue.maximum) };
      return issue.origin === 'number' ? { reason: 'tooLarge', limit: Number(issue.maximum) } : {};
    case 'invalid_format':
      return issue.format === 'email' ? { reason: 'email' } : {};
    case 'invalid_value':
      return { reason: 'choice' };
    case 'invalid_union':
      // The e-mail field is "empty or an address": its refusal is the address's.
      return issue.errors.flat().some((i) => i.code === 'invalid_format' && i.format === 'email') ? { reason: 'email' } : {};
    default:
      return {};
  }
}

export function invalidInput(error: z.ZodError, input: unknown): ApiError {
  const issues: InputIssue[] = error.issues.map((issue) => {
    const missing = isMissing(issue, input);
    return { field: fieldOf(issue) || '(input)', message: messageOf(issue, missing), ...reasonOf(issue, missing) };
  });
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
  const given = input === undefined ? {} : input;
  const parsed = def.input.safeParse(given);
  if (!parsed.success) throw invalidInput(parsed.error, given);
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
