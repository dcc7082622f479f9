// Long work (a document export, a CSV import) tells its caller how far it has come and stops when
// the caller cancels. Handlers get a TaskControl with every call; a call nobody watches or can
// cancel gets UNWATCHED.
import { ApiError } from '../../shared/errors.ts';
import type { Progress } from '../../shared/task-progress.ts';

export interface TaskControl {
  /** Aborted when the caller cancels: waits on other threads (a rendering) end at once. */
  readonly signal: AbortSignal;
  progress(progress: Progress): void;
  /**
   * Throws the 'cancelled' error once the caller has cancelled. Called between steps of work that
   * runs without pause; inside a write's transaction, the throw undoes everything written so far.
   */
  throwIfCancelled(): void;
}

export function cancelledError(): ApiError {
  return new ApiError({ code: 'cancelled', message: 'Cancelled: nothing was written.' });
}

export const UNWATCHED: TaskControl = {
  signal: new AbortController().signal,
  progress: () => {},
  throwIfCancelled: () => {},
};

/** Rows between two progress reports (and cancellation checks) of row-by-row work. */
export const ROWS_PER_STEP = 500;
