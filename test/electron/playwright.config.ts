import { defineConfig } from '@playwright/test';
import { electronBinary, SKIP_REASON } from './electron-binary.ts';

// The desktop window end to end, through the real Electron binary. Where the binary is missing
// (it cannot be downloaded on every machine) the test reports itself as skipped.
// On Linux without a desktop, run under `xvfb-run`.
// The list reporter shows a skipped test without its reason; say it where the run is read.
if (electronBinary() === null) console.log(`Electron test skipped: ${SKIP_REASON}`);

export default defineConfig({
  testDir: '.',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: 'list',
});
