// The one error shape every host returns: a stable code, a readable message, and the offending
// input field where there is one (dotted path, e.g. "gate.date").
import type { ReadOnlyCause } from './domain.ts';

export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'gate_not_go',
  'read_only',
  /** A change to a closed project, which is read-only until reopened. */
  'project_closed',
  /** The credentials key is missing, unusable, or not the one a secret was encrypted with. */
  'credential_key',
  'database_newer',
  'database_corrupt',
  'database_unreadable',
  'unauthorized',
  'cancelled',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Why a value was refused, for the UI to say in its own language. The English `message` stays
 * for the command line and for refusals without a reason of their own.
 */
export const VALIDATION_REASONS = ['required', 'empty', 'tooLong', 'tooSmall', 'tooLarge', 'wholeNumber', 'email', 'choice', 'hostname', 'url', 'date', 'image', 'folder', 'quarterHours', 'dayTooLong', 'sowRejected', 'hostTaken'] as const;
export type ValidationReason = (typeof VALIDATION_REASONS)[number];

export interface InputIssue {
  field: string;
  message: string;
  reason?: ValidationReason;
  /** The bound a tooLong, tooSmall or tooLarge reason speaks of. */
  limit?: number;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  field?: string;
  issues?: InputIssue[];
  /** Why the database is read-only, with a `read_only` error: the UI says it in its language. */
  readOnly?: ReadOnlyCause;
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly issues: InputIssue[] | undefined;
  readonly readOnly: ReadOnlyCause | undefined;

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.field = body.field;
    this.issues = body.issues;
    this.readOnly = body.readOnly;
  }

  toJSON(): ApiErrorBody {
    const body: ApiErrorBody = { code: this.code, message: this.message };
    if (this.field !== undefined) body.field = this.field;
    if (this.issues !== undefined) body.issues = this.issues;
    if (this.readOnly !== undefined) body.readOnly = this.readOnly;
    return body;
  }

  static fromBody(value: unknown): ApiError {
    if (typeof value === 'object' && value !== null && 'code' in value && 'message' in value) {
      const v = value as ApiErrorBody;
      if ((ERROR_CODES as readonly string[]).includes(v.code)) return new ApiError(v);
    }
    return new ApiError({ code: 'internal', message: 'Unexpected error response' });
  }
}
