// The core as every host reaches it: startCore opens the data folder on a thread of its own and
// returns a client whose `call(method, input)` answers with a promise. Long work there (an export,
// a 20 MB import) never holds up the host's thread: the Electron window's process, or the event
// loop that answers the web host's requests. One client owns one thread and one connection, so a
// host stays the one writer of its data folder.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../../shared/errors.ts';
import type { CoreOptions } from '../core.ts';
import type { CredentialKeySource } from '../secrets/key-source.ts';
import type { Progress } from '../../../shared/task-progress.ts';
import { cancelledError } from '../task-control.ts';
import type { CoreThreadData, FromCore, ToCore } from './messages.ts';

export interface CallOptions {
  /** Hears how far long work has come: a document export's stages, a CSV import's rows. */
  onProgress?: (progress: Progress) => void;
  /**
   * Cancels long work (documents.export, requirements.import and its preview): it stops, writes
   * nothing, and the call fails with code 'cancelled'. Other calls answer as they would have.
   */
  signal?: AbortSignal;
}

export interface CoreClient {
  call(method: unknown, input: unknown, options?: CallOptions): Promise<unknown>;
  /** Answers every call made so far (tasks still running are cancelled), closes the database, ends the thread. */
  close(): Promise<void>;
}

/** The entry files of the core's thread and its render thread (absolute paths). */
export interface ThreadFiles {
  core: string;
  render: string;
}

export interface CoreThreadOptions extends Pick<CoreOptions, 'dataDir' | 'appVersion' | 'resourcesDir'> {
  /** The source tree's when not given; the Electron bundle passes its own. */
  threadFiles?: ThreadFiles;
  /**
   * Where the core gets the credentials key: the data folder's key file when not given (the web
   * host and the command line); the desktop app hands over the key its system store keeps.
   */
  credentialKey?: CredentialKeySource;
}

/** The threads' bundles (build-electron.ts writes them beside main.cjs). */
export const THREAD_BUNDLES: ThreadFiles = { core: 'core-thread.cjs', render: 'render-thread.cjs' };

export function bundledThreadFiles(dir: string): ThreadFiles {
  return { core: join(dir, THREAD_BUNDLES.core), render: join(dir, THREAD_BUNDLES.render) };
}

function sourceThreadFiles(): ThreadFiles {
  return {
    core: fileURLToPath(new URL('./core-thread.ts', import.meta.url)),
    render: fileURLToPath(new URL('./render-thread.ts', import.meta.url)),
  };
}

interface Pending {
  resolve(result: unknown): void;
  reject(error: ApiError): void;
  onProgress: ((progress: Progress) => void) | undefined;
}

class CoreThread implements CoreClient {
  /** Settled by the thread's first word: the data folder opened, or why not. */
  readonly ready = Promise.withResolvers<void>();
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closing: Promise<void> | null = null;
  /** Why calls fail once the thread has ended; null while it runs. */
  private stopped: ApiError | null = null;

  constructor(worker: Worker) {
    this.worker = worker;
    worker.on('message', (message: FromCore) => this.receive(message));
    worker.on('error', (error: Error) => this.stop(new ApiError({ code: 'internal', message: `The core stopped: ${error.message}` })));
    worker.on('exit', () => this.stop(new ApiError({ code: 'internal', message: 'The core has been closed.' })));
  }

  call(method: unknown, input: unknown, options: CallOptions = {}): Promise<unknown> {
    if (this.stopped) return Promise.reject(this.stopped);
    if (this.closing) return Promise.reject(new ApiError({ code: 'internal', message: 'The core is closing.' }));
    const { signal, onProgress } = options;
    if (signal?.aborted) return Promise.reject(cancelledError());
    const id = this.nextId++;
    const cancelFlag = signal ? new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)) : null;
    return new Promise((resolve, reject) => {
      // Both ways, because the core may be busy either way: work running without pause reads the
      // shared flag, and a wait (a rendering) is ended by the message.
      const onAbort = (): void => {
        if (cancelFlag) Atomics.store(cancelFlag, 0, 1);
        this.post({ type: 'cancel', id });
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const settled = (): void => signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, {
        resolve: (result) => {
          settled();
          resolve(result);
        },
        reject: (error) => {
          settled();
          reject(error);
        },
        onProgress,
      });
      try {
        this.post({ type: 'call', id, method, input, watched: onProgress !== undefined, cancelFlag });
      } catch (error) {
        this.pending.delete(id);
        settled();
        reject(new ApiError({ code: 'invalid_input', field: '(input)', message: `The input cannot be passed to the core: ${(error as Error).message}` }));
      }
    });
  }

  close(): Promise<void> {
    this.closing ??= new Promise((resolve) => {
      if (this.stopped) return resolve();
      this.worker.once('exit', () => resolve());
      this.post({ type: 'close' });
    });
    return this.closing;
  }

  private post(message: ToCore): void {
    this.worker.postMessage(message);
  }

  private receive(message: FromCore): void {
    if (message.type === 'ready') return this.ready.resolve();
    if (message.type === 'failed') return this.ready.reject(new ApiError(message.error));
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') return pending.onProgress?.(message.progress);
    this.pending.delete(message.id);
    if (message.type === 'result') pending.resolve(message.result);
    else pending.reject(new ApiError(message.error));
  }

  private stop(reason: ApiError): void {
    this.stopped ??= reason;
    this.ready.reject(reason);
    for (const pending of this.pending.values()) pending.reject(reason);
    this.pending.clear();
  }
}

/** Opens the data folder on the core's thread; fails with the core's ApiError (database_corrupt, ...) if it cannot. */
export async function startCore(options: CoreThreadOptions): Promise<CoreClient> {
  const files = options.threadFiles ?? sourceThreadFiles();
  const data: CoreThreadData = { dataDir: options.dataDir, appVersion: options.appVersion, resourcesDir: options.resourcesDir, credentialKey: options.credentialKey ?? { kind: 'file' }, renderThreadFile: files.render };
  const thread = new CoreThread(new Worker(files.core, { workerData: data }));
  await thread.ready.promise;
  return thread;
}
