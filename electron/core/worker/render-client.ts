// The render thread as the core's thread uses it: started with the first document, answers
// matched to requests by id. A cancelled rendering answers at once; when no other rendering waits
// on the thread, the thread is stopped rather than left to finish work nobody wants, and the next
// document starts a new one.
import { Worker } from 'node:worker_threads';
import type { RenderDocument } from '../documents/render.ts';
import { cancelledError } from '../task-control.ts';
import type { RenderReply, RenderRequest, RenderThreadData } from './messages.ts';

export const RENDER_THREAD_NAME = 'fieldbook-docs';

export interface RenderThread {
  render: RenderDocument;
  close(): Promise<void>;
}

interface Waiting {
  resolve(bytes: Buffer): void;
  reject(error: Error): void;
}

/** One started thread with the renderings it owes. */
interface Running {
  worker: Worker;
  waiting: Map<number, Waiting>;
}

export function startRenderThread(file: string, resourcesDir: string): RenderThread {
  let current: Running | null = null;
  let nextId = 1;

  const failAll = (thread: Running, error: Error): void => {
    for (const w of thread.waiting.values()) w.reject(error);
    thread.waiting.clear();
  };

  const stop = (thread: Running): Promise<number> => {
    if (current === thread) current = null;
    return thread.worker.terminate();
  };

  const start = (): Running => {
    // Named (15 characters at most, as Linux keeps them) so that a process's thread list tells it apart.
    const thread: Running = { worker: new Worker(file, { workerData: { resourcesDir } satisfies RenderThreadData, name: RENDER_THREAD_NAME }), waiting: new Map() };
    thread.worker.on('message', (reply: RenderReply) => {
      const w = thread.waiting.get(reply.id);
      if (!w) return; // cancelled meanwhile
      thread.waiting.delete(reply.id);
      if ('bytes' in reply) w.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
      else w.reject(new Error(reply.error));
    });
    thread.worker.on('error', (error: Error) => failAll(thread, error));
    thread.worker.on('exit', () => {
      if (current === thread) current = null;
      failAll(thread, new Error('The render thread stopped'));
    });
    return thread;
  };

  const render: RenderDocument = (source, format, signal) =>
    new Promise((resolve, reject) => {
      if (signal.aborted) return reject(cancelledError());
      const thread = (current ??= start());
      const id = nextId++;
      const onAbort = (): void => {
        thread.waiting.delete(id);
        reject(cancelledError());
        if (thread.waiting.size === 0) void stop(thread);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      thread.waiting.set(id, {
        resolve: (bytes) => {
          signal.removeEventListener('abort', onAbort);
          resolve(bytes);
        },
        reject: (error) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      });
      thread.worker.postMessage({ id, source, format } satisfies RenderRequest);
    });

  return {
    render,
    close: async () => {
      if (current) await stop(current);
    },
  };
}
