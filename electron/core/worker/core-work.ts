// The core's thread at work (started by core-thread.ts): it opens the data folder, holds its one
// connection (the one writer of this host) and answers the calls a host's client posts, in the
// order they come. Reads and writes answer before the next message is read; a task answers later
// while other calls go on, its rendering done on the render thread.
import type { MessagePort } from 'node:worker_threads';
import { openCore, sourceResourcesDir, type Core } from '../core.ts';
import { checkOnThread } from '../db/check.ts';
import { credentialKeyOf } from '../secrets/key-source.ts';
import { cancelledError, type TaskControl } from '../task-control.ts';
import { errorBody, type CoreThreadData, type FromCore, type ToCore } from './messages.ts';
import { startRenderThread } from './render-client.ts';

/** Opens the data folder and answers the client's calls on `port` until it closes; `threadFile` starts the check's thread. */
export function runCore(data: CoreThreadData, port: MessagePort, threadFile: string): void {
  const post = (message: FromCore): void => port.postMessage(message);

  /** Tasks under way, by call id: a cancel aborts one, closing waits for all. */
  const running = new Map<number, { controller: AbortController; done: Promise<void> }>();

  const reply = (id: number, result: unknown): void => {
    try {
      post({ type: 'result', id, result });
    } catch (error) {
      // A result that cannot be cloned is a bug in a handler, reported like any other failure.
      post({ type: 'error', id, error: errorBody(error) });
    }
  };

  const answer = (core: Core, message: Extract<ToCore, { type: 'call' }>): void => {
    const { id, watched, cancelFlag } = message;
    const controller = new AbortController();
    const control: TaskControl = {
      signal: controller.signal,
      progress: (progress) => {
        if (watched) post({ type: 'progress', id, progress });
      },
      throwIfCancelled: () => {
        // Work that runs without pause (an import in its transaction) reads no messages; the flag
        // shared with the client tells it of a cancel made meanwhile.
        if (cancelFlag && Atomics.load(cancelFlag, 0) !== 0) controller.abort();
        if (controller.signal.aborted) throw cancelledError();
      },
    };
    let answered: unknown;
    try {
      answered = core.call(message.method, message.input, control);
    } catch (error) {
      post({ type: 'error', id, error: errorBody(error) });
      return;
    }
    if (!(answered instanceof Promise)) return reply(id, answered);
    // A task, or a call waiting for the database's check (core.ts): answered when it is done.
    const done = answered.then(
      (result: unknown) => reply(id, result),
      (error: unknown) => post({ type: 'error', id, error: errorBody(error) }),
    );
    running.set(id, { controller, done: done.finally(() => running.delete(id)) });
  };

  /**
   * Every call posted before the close has been read by now; tasks still running were asked for by
   * a window or request that is going away, so they stop and are
   * waited for. Then the database is closed and the thread ends.
   */
  const close = async (core: Core, renderer: { close(): Promise<void> }): Promise<void> => {
    for (const task of running.values()) task.controller.abort();
    await Promise.all([...running.values()].map((task) => task.done));
    core.close();
    await renderer.close();
    port.close();
  };

  const renderer = startRenderThread(data.renderThreadFile, data.resourcesDir ?? sourceResourcesDir());
  let core: Core;
  try {
    core = openCore({
      dataDir: data.dataDir,
      appVersion: data.appVersion,
      resourcesDir: data.resourcesDir,
      render: renderer.render,
      credentialKey: credentialKeyOf(data.credentialKey, data.dataDir),
      checkInBackground: (file) => checkOnThread(file, threadFile),
    });
  } catch (error) {
    // A damaged or unreadable database is reported to the host and left as it is; the thread ends.
    post({ type: 'failed', error: errorBody(error) });
    port.close();
    return;
  }
  port.on('message', (message: ToCore) => {
    if (message.type === 'call') answer(core, message);
    else if (message.type === 'cancel') running.get(message.id)?.controller.abort();
    else void close(core, renderer);
  });
  post({ type: 'ready' });
}
