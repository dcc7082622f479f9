// The Node core as the hosts see it: open a data folder, then call API methods by name.
import { readFileSync } from 'node:fs';
import { callMethod } from './api/dispatch.ts';
import type { Context } from './api/context.ts';
import { Store, type StoreOptions } from './store.ts';

export interface Core {
  readonly store: Store;
  call(method: unknown, input: unknown): unknown;
  close(): void;
}

export interface CoreOptions extends StoreOptions {
  dataDir: string;
  appVersion: string;
}

export function openCore(options: CoreOptions): Core {
  const store = new Store(options.dataDir, options);
  const now = options.now;
  const ctx: Context = { store, appVersion: options.appVersion, now: now ? () => new Date(now()) : () => new Date() };
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
