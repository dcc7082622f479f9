// The built desktop app in a real Electron window: it opens on the app:// origin, shows the UI,
// and the page has `window.fieldbook` and nothing of Node. Needs `npm run build` first.
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_ORIGIN, type FieldbookBridge } from '../../shared/bridge.ts';
import { electronBinary, ROOT, SKIP_REASON } from './electron-binary.ts';

const MAIN = join(ROOT, 'dist', 'electron', 'main.cjs');
const binary = electronBinary();
test.skip(binary === null, SKIP_REASON);

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

    // The UI works over IPC as it does over HTTP.
    await page.getByRole('button', { name: 'Create sample project' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Stadtwerke Nordhafen/ })).toBeVisible();
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
