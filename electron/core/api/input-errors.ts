// Turning a failed zod parse into the API's invalid_input error: every issue with the field it
// concerns, an English message for the command line, and a reason the UI can translate. And the
// same error for what zod never sees: input nested too deep to check, text that is not Unicode.
import type { z } from 'zod';
import { ApiError, VALIDATION_REASONS, type InputIssue, type ValidationReason } from '../../../shared/errors.ts';
import { fieldOfPath, type JsonProblem } from '../../../shared/json-check.ts';

const isReason = (value: unknown): value is ValidationReason => VALIDATION_REASONS.some((r) => r === value);

function fieldOf(issue: z.core.$ZodIssue, prefix: readonly string[]): string {
  const path = issue.code === 'unrecognized_keys' && issue.keys.length > 0 ? [...issue.path, issue.keys[0]!] : issue.path;
  return [...prefix, ...path.map(String)].join('.');
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
      if (issue.format === 'email') return { reason: 'email' };
      return issue.format === 'url' ? { reason: 'url' } : {};
    case 'custom':
      // Checks of our own name their reason in the issue's params (see the workshop answers).
      return isReason(issue.params?.['reason']) ? { reason: issue.params['reason'] } : {};
    case 'invalid_value':
      return { reason: 'choice' };
    case 'invalid_union':
      // The e-mail field is "empty or an address": its refusal is the address's.
      return issue.errors.flat().some((i) => i.code === 'invalid_format' && i.format === 'email') ? { reason: 'email' } : {};
    default:
      return {};
  }
}

/**
 * The invalid_input error for a failed parse of `input`, naming each offending field. `prefix`
 * names where `input` sits in the request, when it is a part of it (an answer's `value`).
 */
export function invalidInput(error: z.ZodError, input: unknown, ...prefix: string[]): ApiError {
  const issues: InputIssue[] = error.issues.map((issue) => {
    const missing = isMissing(issue, input);
    return { field: fieldOf(issue, prefix) || '(input)', message: messageOf(issue, missing), ...reasonOf(issue, missing) };
  });
  const first = issues[0]!;
  return new ApiError({
    code: 'invalid_input',
    field: first.field,
    message: issues.map((i) => `${i.field}: ${i.message}`).join('; '),
    issues,
  });
}

/** The invalid_input error for what JSON itself lets through (shared/json-check.ts), naming the field it is in. */
export function jsonProblemError(problem: JsonProblem): ApiError {
  const field = fieldOfPath(problem.path);
  return new ApiError({ code: 'invalid_input', field, message: `${field}: ${problem.message}`, issues: [{ field, message: problem.message }] });
}
