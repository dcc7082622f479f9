// Each test gets its own web host on a fresh data folder, started exactly as a user would:
// `node electron/host/web.ts --data-dir DIR`, reading the URL from its first line of output.
import { expect, test as base } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebHost, stopWebHost, type WebHost } from '../support/web-host.ts';

export const test = base.extend<{ host: WebHost }>({
  // Any error the page logs (a React warning, a CSP violation, an uncaught exception) fails the
  // test. Refused API calls are logged by Chromium as failed loads; those are the test's intent.
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      if (message.text().startsWith('Failed to load resource') && message.location().url.includes('/api/')) return;
      errors.push(message.text());
    });
    await use(page);
    expect(errors, 'errors in the browser console').toEqual([]);
  },
  host: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fieldbook-e2e-'));
    const host = await startWebHost(dataDir);
    await use(host);
    await stopWebHost(host);
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
