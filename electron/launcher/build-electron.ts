// `npm run build:electron`: bundles the main process and the preload into one CommonJS file
// each under dist/electron. The preload must be a single file (a sandboxed preload cannot load
// node_modules); the main process is bundled too, so the app ships no TypeScript. `electron` is
// provided by the runtime, better-sqlite3 loads its native binary from node_modules, and pdfkit
// reads its own data files (font metrics) from beside its code, so both stay in node_modules.
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { METHOD_NAMES } from '../../shared/api.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const common: BuildOptions = {
  absWorkingDir: ROOT,
  bundle: true,
  format: 'cjs',
  sourcemap: true,
  external: ['electron', 'better-sqlite3', 'pdfkit'],
  logLevel: 'warning',
  // core.ts reads package.json through import.meta.url in packageVersion(), which only the CLI
  // and web host call; the main process asks Electron (app.getVersion()) instead.
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

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'dist/electron/main.cjs', platform: 'node', target: 'node22' }),
  // The preload runs in the renderer's sandbox: a browser-like context with a few Node shims.
  build({
    ...common,
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'dist/electron/preload.cjs',
    platform: 'node',
    target: 'chrome140',
    plugins: [methodNamesOnly],
  }),
]);
