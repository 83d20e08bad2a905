import { defineConfig } from 'vitest/config';

// One run, four projects: pure unit tests, the HTTP integration suite once on embedded PGlite and
// once on a real PostgreSQL server, and the browser flows in Chromium.
const integration = (db: 'pglite' | 'postgres') => ({
  extends: true as const,
  test: {
    name: `int-${db}`,
    include: ['tests/integration/**/*.int.test.ts'],
    env: { TEST_DB: db },
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});

export default defineConfig({
  test: {
    globalSetup: ['tests/support/global-setup.ts'],
    // Tests wait for conditions, never for fixed times, and hold on a busy machine (a second test run,
    // other builds): these limits only stop a test that hangs, far above what an idle run takes.
    // Waits inside tests use tests/support/wait.ts (PATIENCE_MS), below these limits.
    expect: { poll: { timeout: 30_000, interval: 100 } },
    reporters: ['default', './tests/support/summary-reporter.ts'],
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['server/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}'], exclude: ['**/*.int.test.ts', '**/node_modules/**'], testTimeout: 60_000 },
      },
      integration('pglite'),
      integration('postgres'),
      {
        extends: true,
        test: { name: 'e2e', include: ['tests/e2e/**/*.e2e.test.ts'], testTimeout: 300_000, hookTimeout: 300_000 },
      },
    ],
  },
});
