import { defineConfig } from '@playwright/test';

// The desktop window end to end, through the real Electron binary. Where the binary is missing
// (it cannot be downloaded on every machine) the test reports itself as skipped.
// On Linux without a desktop, run under `xvfb-run`.
export default defineConfig({
  testDir: '.',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: 'list',
});
