// The Node core as the hosts see it: open a data folder, then call API methods by name. Hosts run
// it on a thread of its own (worker/client.ts); tests and benchmarks also open it in-process.
import { fileURLToPath } from 'node:url';
import { callMethod } from './api/dispatch.ts';
import type { Context } from './api/context.ts';
import { loadBundledPacks } from './bundled-packs.ts';
import { introduceDevice } from './device.ts';
import { renderOnThisThread, type RenderDocument } from './documents/render.ts';
import { Store, type StoreOptions } from './store.ts';
import type { TaskControl } from './task-control.ts';

export interface Core {
  readonly store: Store;
  call(method: unknown, input: unknown, control?: TaskControl): unknown;
  close(): void;
}

export interface CoreOptions extends StoreOptions {
  dataDir: string;
  appVersion: string;
  /** The app's resources folder (template packs, fonts); the source tree's when not given. */
  resourcesDir?: string;
  /** Where documents are rendered; on this thread when not given. */
  render?: RenderDocument;
}

/** resources/ beside the source; the Electron bundle passes its own path instead. */
export function sourceResourcesDir(): string {
  return fileURLToPath(new URL('../../resources', import.meta.url));
}

export function openCore(options: CoreOptions): Core {
  const resourcesDir = options.resourcesDir ?? sourceResourcesDir();
  const bundledPacks = loadBundledPacks(resourcesDir);
  const store = new Store(options.dataDir, options);
  introduceDevice(store);
  const now = options.now;
  const ctx: Context = {
    store,
    appVersion: options.appVersion,
    bundledPacks,
    render: options.render ?? renderOnThisThread(resourcesDir),
    now: now ? () => new Date(now()) : () => new Date(),
  };
  return {
    store,
    call: (method, input, control) => callMethod(ctx, method, input, control),
    close: () => store.close(),
  };
}
