// Is the database file whole? A file damaged inside its pages (a disk error, a copy cut short, a
// sync tool writing over it) still opens and reads its schema; SQLite finds the damage only on the
// page it reads, and a write there can spread it. So every existing file is checked with
// `PRAGMA quick_check` (every page of every table and index is read and its structure verified)
// before Fieldbook writes to it. The check takes about 2 to 3 s per GB when the file is in the
// page cache (`npm run bench`), so the core's thread runs it on a thread of its own, over a
// read-only connection of its own, and answers reads meanwhile.
import Database from 'better-sqlite3';
import { Worker, type MessagePort } from 'node:worker_threads';

/** A whole file; a damaged one with what SQLite found; or a check that could not run (a lock, an I/O error). */
export type CheckResult = { state: 'whole' } | { state: 'damaged'; problems: string[] } | { state: 'failed'; error: string };

/** A check running elsewhere: its result, and a way to stop waiting for it. */
export interface BackgroundCheck {
  result: Promise<CheckResult>;
  stop(): void;
}

/** Enough of what SQLite found to say where the damage is; a badly damaged file lists thousands. */
const MAX_PROBLEMS = 10;

const SQLITE_DAMAGE = /^SQLITE_(CORRUPT|NOTADB)/;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Checks `file` on this thread. `readOnly` for a file that is not ours to touch (the store's
 * database); a copy Fieldbook just made is checked over a writable connection, which removes the
 * journal files it creates when it closes.
 */
export function quickCheck(file: string, { readOnly = true } = {}): CheckResult {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: readOnly, fileMustExist: true });
    const problems = (db.pragma(`quick_check(${MAX_PROBLEMS})`) as { quick_check: string }[]).map((row) => row.quick_check);
    return problems.length === 1 && problems[0] === 'ok' ? { state: 'whole' } : { state: 'damaged', problems };
  } catch (error) {
    // SQLite gives up on some damage before it can list it (a table's root page overwritten).
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && SQLITE_DAMAGE.test(code)) return { state: 'damaged', problems: [describe(error)] };
    return { state: 'failed', error: describe(error) };
  } finally {
    db?.close();
  }
}

/** What a check thread is started with (see isCheckThread). */
interface CheckThreadData {
  fieldbookCheck: string;
}

/** Whether this thread was started by checkOnThread (the core's thread file runs either role). */
export function isCheckThread(data: unknown): data is CheckThreadData {
  return typeof data === 'object' && data !== null && typeof (data as Partial<CheckThreadData>).fieldbookCheck === 'string';
}

/** The check thread's whole work: one check, its result posted back. */
export function runCheckThread(data: CheckThreadData, port: MessagePort): void {
  port.postMessage(quickCheck(data.fieldbookCheck) satisfies CheckResult);
  port.close();
}

/**
 * Checks `file` on a new thread started from `threadFile` (which must call runCheckThread when
 * isCheckThread says so). The thread is named, so that it is told apart from the core's and the
 * render thread in a process's thread list.
 */
export function checkOnThread(file: string, threadFile: string): BackgroundCheck {
  const worker = new Worker(threadFile, { workerData: { fieldbookCheck: file } satisfies CheckThreadData, name: 'fieldbook-check' });
  const result = new Promise<CheckResult>((resolve) => {
    worker.once('message', (message: CheckResult) => resolve(message));
    worker.once('error', (error: Error) => resolve({ state: 'failed', error: error.message }));
    worker.once('exit', () => resolve({ state: 'failed', error: 'The check stopped before it was done.' }));
  });
  return {
    result,
    // A check under way in SQLite ends at its own pace; the thread stops as soon as it returns.
    stop: () => void worker.terminate(),
  };
}
