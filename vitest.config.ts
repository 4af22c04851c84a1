// Two projects: `unit` (pure code, no database; files run in parallel) and `integration` (the real bundled
// Neo4j, the real HTTP server, a real browser). Integration files share one throw-away Neo4j started by
// tests/support/global-setup.ts, so they run one after another and may clear it.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Loading the gazetteer and 2,000 fast-check runs take seconds on a loaded 2-core machine; a timeout here
          // guards against hangs, not speed (speed is measured by npm run bench).
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
