import type { ErrorCode } from '../../shared/errors.ts';

/** HTTP status for each API error code, so plain HTTP clients see the usual meaning. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unknown_method: 404,
  not_found: 404,
  gate_not_go: 409,
  read_only: 409,
  credential_key: 409,
  project_closed: 409,
  database_newer: 409,
  database_corrupt: 500,
  database_unreadable: 500,
  unauthorized: 401,
  // nginx's "client closed request": only a caller that went away cancels over HTTP.
  cancelled: 499,
  internal: 500,
};
