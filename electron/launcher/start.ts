// `npm start`: the desktop app in Electron where the Electron binary can be had; otherwise one
// line saying so, and the same app on the local web host with the default data folder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { defaultDataDir } from '../core/data-dir.ts';
import { serveWeb } from '../host/serve.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ELECTRON_PACKAGE = join(ROOT, 'node_modules', 'electron');

/** The Electron executable, fetching it first if the package has not yet (Electron 42+ does so lazily). */
function electronBinary(): string | null {
  const pathFile = join(ELECTRON_PACKAGE, 'path.txt');
  const located = (): string | null => {
    if (!existsSync(pathFile)) return null;
    const binary = join(ELECTRON_PACKAGE, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  };
  if (located()) return located();
  const install = spawnSync(process.execPath, [join(ELECTRON_PACKAGE, 'install.js')], { stdio: 'ignore', timeout: 180_000 });
  return install.status === 0 ? located() : null;
}

function hasDisplay(): boolean {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

const binary = hasDisplay() ? electronBinary() : null;
if (binary) {
  const child = spawn(binary, [ROOT], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const why = hasDisplay() ? 'the Electron binary cannot be downloaded on this machine' : 'there is no display to open a window on';
  process.stdout.write(`Fieldbook: ${why}; starting the same app on the local web host instead.\n`);
  process.stdout.write(`${await serveWeb({ dataDir: defaultDataDir(), port: 0 })}\n`);
}
