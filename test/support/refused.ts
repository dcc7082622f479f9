// A refusal as the API gives one: an ApiError, and nothing written.
import { expect } from 'vitest';
import type { Core } from '../../electron/core/core.ts';
import { ApiError } from '../../shared/errors.ts';
import { dumpDatabase } from './temp-store.ts';

export function refused(core: Core, method: string, input: unknown): ApiError {
  const before = dumpDatabase(core);
  let caught: unknown;
  try {
    core.call(method, input);
  } catch (error) {
    caught = error;
  }
  expect(caught, `${method} should refuse ${JSON.stringify(input)}`).toBeInstanceOf(ApiError);
  expect(dumpDatabase(core), `${method} must write nothing`).toEqual(before);
  return caught as ApiError;
}
