// The Node core as the hosts see it: open a data folder, then call API methods by name.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { callMethod } from './api/dispatch.ts';
import type { Context } from './api/context.ts';
import { loadBundledPacks } from './bundled-packs.ts';
import { introduceDevice } from './device.ts';
import { Store, type StoreOptions } from './store.ts';

export interface Core {
  readonly store: Store;
  call(method: unknown, input: unknown): unknown;
  close(): void;
}

export interface CoreOptions extends StoreOptions {
  dataDir: string;
  appVersion: string;
  /** The app's resources folder (template packs, fonts); the source tree's when not given. */
  resourcesDir?: string;
}

/** resources/ beside the source; the Electron bundle passes its own path instead. */
function sourceResourcesDir(): string {
  return fileURLToPath(new URL('../../resources', import.meta.url));
}

export function openCore(options: CoreOptions): Core {
  const resourcesDir = options.resourcesDir ?? sourceResourcesDir();
  const bundledPacks = loadBundledPacks(resourcesDir);
  const store = new Store(options.dataDir, options);
  introduceDevice(store);
  const now = options.now;
  const ctx: Context = { store, appVersion: options.appVersion, bundledPacks, resourcesDir, now: now ? () => new Date(now()) : () => new Date() };
  return {
    store,
    call: (method, input) => callMethod(ctx, method, input),
    close: () => store.close(),
  };
}

/** The version in package.json, for hosts that run from the source tree (CLI, web host). */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
