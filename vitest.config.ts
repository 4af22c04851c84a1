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
