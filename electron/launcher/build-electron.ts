// `npm run build:electron [-- --outdir DIR]`: bundles the main process, the preload and the two
// threads the main process starts (the core's and its render thread) into one CommonJS file each
// under dist/electron. The preload must be a single file (a sandboxed preload cannot load
// node_modules); the rest is bundled too, so the app ships no TypeScript. `electron` is provided by
// the runtime, better-sqlite3 and @resvg/resvg-js (the DOCX charts' PNG) load their native
// binaries from node_modules, and pdfkit reads its own data files (font metrics) from beside its
// code, so these stay in node_modules.
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { METHOD_NAMES } from '../../shared/api.ts';
import { THREAD_BUNDLES } from '../core/worker/client.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Another folder for a test of the bundles; it must lie inside the project, where node_modules is found.
const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist/electron' } } });
const OUT = values.outdir;

const common: BuildOptions = {
  absWorkingDir: ROOT,
  bundle: true,
  format: 'cjs',
  sourcemap: true,
  external: ['electron', 'better-sqlite3', '@resvg/resvg-js', 'pdfkit'],
  logLevel: 'warning',
  // Source-tree defaults found through import.meta.url (the resources folder, the threads' .ts
  // files) are never used in the bundles: the main process passes the bundled paths instead.
  logOverride: { 'empty-import-meta': 'silent' },
};

/**
 * The preload needs only the method names from the API table; the table itself would pull the
 * whole schema library into every page. It gets the names as a literal list instead (importing
 * anything else from shared/api.ts then fails the build loudly).
 */
const methodNamesOnly: Plugin = {
  name: 'method-names-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]shared[\\/]api\.ts$/ }, () => ({
      contents: `export const METHOD_NAMES = ${JSON.stringify(METHOD_NAMES)};`,
      loader: 'ts',
    }));
  },
};

const node: BuildOptions = { ...common, platform: 'node', target: 'node22' };

await Promise.all([
  build({ ...node, entryPoints: ['electron/main/index.ts'], outfile: join(OUT, 'main.cjs') }),
  // Worker threads of the main process: each needs a file of its own, where electron/main looks.
  build({ ...node, entryPoints: ['electron/core/worker/core-thread.ts'], outfile: join(OUT, THREAD_BUNDLES.core) }),
  build({ ...node, entryPoints: ['electron/core/worker/render-thread.ts'], outfile: join(OUT, THREAD_BUNDLES.render) }),
  // The preload runs in the renderer's sandbox: a browser-like context with a few Node shims.
  build({
    ...common,
    entryPoints: ['electron/preload/index.ts'],
    outfile: join(OUT, 'preload.cjs'),
    platform: 'node',
    target: 'chrome140',
    plugins: [methodNamesOnly],
  }),
]);
