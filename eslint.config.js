// Lint: the layers of the README's layout table enforced (what may import what), promises that
// are neither awaited nor handled, and typescript-eslint's recommended type-checked rules.
// Unused exports are found by knip (knip.json), which sees the whole module graph.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Node's own modules, with or without the node: prefix. */
const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'worker_threads', 'stream', 'zlib', 'readline'];
/** Packages that do I/O or need a native module: the core's business, never shared's or the renderer's. */
const CORE_PACKAGES = ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'pdfkit', 'svg-to-pdfkit', '@resvg/resvg-js', 'docx', 'jszip'];

const forbid = (groups, message) => ({ group: groups, message });

/** The Electron package by its exact name (a pattern would also match the project's own electron/ folder). */
const noElectron = (message) => [{ name: 'electron', message }];

/** One rule per layer: `no-restricted-imports` with the packages and path patterns the layer must not import. */
const layer = (files, paths, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { paths, patterns }] } });

export default defineConfig(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'resources/**', 'build/**', '.scratch/**'] },
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['*.js'] }, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Every promise is awaited, returned, or marked `void` where its failure is handled inside.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  layer(
    ['shared/**/*.ts'],
    noElectron('shared/ is pure: no Electron.'),
    [
      forbid(NODE_BUILTINS, 'shared/ is pure: no Node module (no I/O).'),
      forbid(CORE_PACKAGES, 'shared/ is pure: no database or document library.'),
      forbid(['**/electron/**', '**/renderer/**'], 'shared/ imports nothing of the core or the renderer.'),
    ],
  ),
  layer(
    ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    noElectron('The renderer reaches Electron only through the preload bridge and the API (renderer/src/api/client.ts).'),
    [
      forbid(NODE_BUILTINS, 'The renderer runs in the browser: no Node module.'),
      forbid(CORE_PACKAGES, 'The renderer reaches the database and documents only through the API.'),
      forbid(['**/electron/**'], 'The renderer reaches the core only through the API (renderer/src/api/client.ts).'),
    ],
  ),
  layer(
    ['electron/host/**/*.ts', 'electron/cli/**/*.ts', 'electron/launcher/**/*.ts'],
    noElectron('Only the thin shell (electron/main, electron/preload) imports electron.'),
    [
      forbid(['**/renderer/**'], 'The core does not import the renderer.'),
      forbid(['**/electron/main/**', '**/electron/preload/**', '../main/*', '../preload/*', '../../main/*', '../../preload/*'], 'The core does not import the shell.'),
    ],
  ),
  layer(
    ['electron/core/**/*.ts'],
    noElectron('Only the thin shell (electron/main, electron/preload) imports electron.'),
    [
      forbid(['**/renderer/**'], 'The core does not import the renderer.'),
      forbid(['**/host/**', '**/cli/**', '**/launcher/**', '**/main/**', '**/preload/**'], 'The core is used by the hosts, never the other way round.'),
    ],
  ),
  layer(['electron/preload/**/*.ts'], [], [forbid(['**/core/**', 'better-sqlite3', ...NODE_BUILTINS], 'The preload only bridges IPC: no core, no Node module.')]),
  // Plain JavaScript (this file) has no types to check.
  { files: ['**/*.js'], extends: [tseslint.configs.disableTypeChecked] },
  {
    // The config files and tests are not part of the layers; tests may reach any layer.
    files: ['*.js', '*.ts', 'test/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Vitest's and Playwright's asymmetric matchers (expect.any, expect.stringMatching, ...) are
    // typed `any` on purpose, to stand in for a value of any type inside an expected object; the
    // rule reads each such property as an unsafe assignment. Other uses of `any` in the tests are
    // still caught where they are read (no-unsafe-member-access, -argument, -call, -return).
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
);
