// The core's own thread (its work is in core-work.ts): it opens the data folder, holds its one
// connection and answers the calls a host's client posts. The check of an existing database
// (db/check.ts) runs on a further thread started from this same file, so that the Electron bundle
// needs no file of its own for it; while it runs, reads answer and changes wait (core.ts). That
// thread loads the check alone, not the core: it starts in a fraction of the time.
import { parentPort, workerData } from 'node:worker_threads';
import { isCheckThread, runCheckThread } from '../db/check.ts';
import { errorBody, type CoreThreadData, type FromCore } from './messages.ts';

if (!parentPort) throw new Error('core-thread.ts runs as a worker thread');
const port = parentPort;
/** This file, to start the check's thread from: the source module, or the bundle (CommonJS, where import.meta is empty). */
const THIS_FILE: string = (import.meta as Partial<ImportMeta>).filename ?? __filename;

if (isCheckThread(workerData)) {
  runCheckThread(workerData, port);
} else {
  import('./core-work.ts').then(
    ({ runCore }) => runCore(workerData as CoreThreadData, port, THIS_FILE),
    (error: unknown) => {
      port.postMessage({ type: 'failed', error: errorBody(error) } satisfies FromCore);
      port.close();
    },
  );
}
