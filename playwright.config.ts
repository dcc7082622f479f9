import { defineConfig } from '@playwright/test';

// End-to-end tests drive Debian's Chromium against the local web host (see test/e2e/fixtures.ts).
// Playwright's own browser download does not work on these machines.
export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  // One retry against a slow moment of the machine; a test that passes only on its retry is
  // reported as flaky in the output, and a real failure still fails twice.
  retries: 1,
  timeout: 60_000,
  reporter: 'list',
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    locale: 'en-GB',
    trace: 'retain-on-failure',
  },
});
