// The built desktop app in a real Electron window: it opens on the app:// origin, shows the UI,
// and the page has `window.fieldbook` and nothing of Node. Needs `npm run build` first.
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_ORIGIN, type FieldbookBridge } from '../../shared/bridge.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = join(ROOT, 'dist', 'electron', 'main.cjs');

/**
 * The Electron executable, found the way the `electron` package records it, without loading that
 * package: loading it would try to download the binary.
 */
function electronBinary(): string | null {
  const pathFile = join(ROOT, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(ROOT, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
test.skip(binary === null, 'Electron binary not available on this machine (cannot be downloaded here)');

type PageWindow = { fieldbook?: FieldbookBridge };

test('opens the app window with the bridge and without Node', async () => {
  expect(existsSync(MAIN), `${MAIN} is missing: run \`npm run build\` first`).toBe(true);
  const dataDir = mkdtempSync(join(tmpdir(), 'fieldbook-electron-'));
  const app = await electron.launch({
    executablePath: binary!,
    // Chromium refuses to run as root with its sandbox on (CI containers run as root).
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), MAIN, `--data-dir=${dataDir}`],
    cwd: ROOT,
    env: { ...process.env, FIELDBOOK_DATA_DIR: dataDir },
  });
  try {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toBe(`${APP_ORIGIN}/index.html`);
    await expect(page).toHaveTitle(/Fieldbook/);
    await expect(page.locator('body')).not.toBeEmpty();

    const globals = await page.evaluate(() => {
      const w = window as unknown as PageWindow & Record<string, unknown>;
      return {
        bridge: w.fieldbook ? Object.keys(w.fieldbook).sort() : null,
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        Buffer: typeof w.Buffer,
      };
    });
    expect(globals).toEqual({ bridge: ['call', 'onBeforeClose'], require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined' });

    const info = await page.evaluate(() => (window as unknown as PageWindow).fieldbook!.call('app.info', {}));
    expect(info).toMatchObject({ ok: true, result: { dataDir } });
    const refused = await page.evaluate(() => (window as unknown as PageWindow).fieldbook!.call('no.such.method', {}));
    expect(refused).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
