// Tests (and users keeping a second data set) can point the desktop app at another folder, as
// with the CLI and the web host: `--data-dir DIR`, `--data-dir=DIR`, or FIELDBOOK_DATA_DIR.
import { resolve } from 'node:path';

export function dataDirOverride(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): string | null {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg.startsWith('--data-dir=') && arg.length > '--data-dir='.length) return resolve(cwd, arg.slice('--data-dir='.length));
    const next = argv[i + 1];
    if (arg === '--data-dir' && next !== undefined && !next.startsWith('-')) return resolve(cwd, next);
  }
  return env.FIELDBOOK_DATA_DIR ? resolve(cwd, env.FIELDBOOK_DATA_DIR) : null;
}
