// The Node core as the hosts see it: open a data folder, then call API methods by name. Hosts run
// it on a thread of its own (worker/client.ts); tests and benchmarks also open it in-process.
//
// Opening creates nothing: an existing database is opened at once (a damaged header or an
// unreadable file fails here, as the hosts expect at their start), a new one when the first call
// that passed its validation reaches for it, so that a mistyped call on a folder that does not
// exist leaves no folder behind. While an existing database is being checked (store.ts), reads
// answer; the first change waits for the check, and every call after it waits in turn, so that
// calls are answered in the order they came and a read never misses a change sent before it.
import { fileURLToPath } from 'node:url';
import { api, isMethodName } from '../../shared/api.ts';
import { callMethod } from './api/dispatch.ts';
import type { Context } from './api/context.ts';
import { loadBundledPacks } from './bundled-packs.ts';
import { introduceDevice } from './device.ts';
import { renderOnThisThread, type RenderDocument } from './documents/render.ts';
import { keyFile } from './secrets/key-file.ts';
import type { CredentialKey } from './secrets/credential-key.ts';
import { Store, type StoreOptions } from './store.ts';
import type { TaskControl } from './task-control.ts';

export interface Core {
  readonly store: Store;
  call(method: unknown, input: unknown, control?: TaskControl): unknown;
  close(): void;
}

export interface CoreOptions extends Omit<StoreOptions, 'onWritable'> {
  dataDir: string;
  appVersion: string;
  /** The app's resources folder (template packs, fonts); the source tree's when not given. */
  resourcesDir?: string;
  /** Where documents are rendered; on this thread when not given. */
  render?: RenderDocument;
  /** The credentials key; the data folder's key file when not given (the web host's and the command line's). */
  credentialKey?: CredentialKey;
}

/** resources/ beside the source; the Electron bundle passes its own path instead. */
export function sourceResourcesDir(): string {
  return fileURLToPath(new URL('../../resources', import.meta.url));
}

/** Whether a call must wait for the check: a change, or anything at all while the tables still await their upgrade. */
function waitsForCheck(store: Store, method: unknown): boolean {
  return store.checking && (store.upgradePending || (isMethodName(method) && api[method].kind !== 'read'));
}

export function openCore(options: CoreOptions): Core {
  const resourcesDir = options.resourcesDir ?? sourceResourcesDir();
  const bundledPacks = loadBundledPacks(resourcesDir);
  const store = new Store(options.dataDir, { ...options, onWritable: introduceDevice });
  store.start();
  const now = options.now;
  const ctx: Context = {
    store,
    appVersion: options.appVersion,
    bundledPacks,
    render: options.render ?? renderOnThisThread(resourcesDir),
    credentialKey: options.credentialKey ?? keyFile(options.dataDir),
    now: now ? () => new Date(now()) : () => new Date(),
  };

  /** Calls waiting for the check, in order: each starts once the one before it has started. */
  let waiting = 0;
  let queue: Promise<void> = Promise.resolve();
  const call = (method: unknown, input: unknown, control?: TaskControl): unknown => {
    // A database another process created meanwhile is opened (and checked) like one found at start.
    store.start();
    if (waiting === 0 && !waitsForCheck(store, method)) return callMethod(ctx, method, input, control);
    if (waiting === 0) queue = store.checked;
    waiting++;
    // Boxed, so that a task's promise is the call's answer rather than something to wait for here.
    const started = queue.then(() => {
      waiting--;
      return { answer: callMethod(ctx, method, input, control) };
    });
    queue = started.then(
      () => undefined,
      () => undefined,
    );
    return started.then((box) => box.answer);
  };

  return { store, call, close: () => store.close() };
}
