// Unit and integration tests only: the Playwright specs under test/e2e and test/electron run
// with `playwright test`, and vite.config.ts (the renderer build) is not for tests.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    // Each test file opens real SQLite files and child processes: two cores, two workers.
    maxWorkers: 2,
    // Tests that start the command line as a child process take seconds on a busy two-core
    // machine (Node 24 starting, TypeScript stripped, SQLite opened); 5 s failed there.
    testTimeout: 60_000,
  },
});
