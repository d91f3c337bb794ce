import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Each file gets its own database (a PGlite instance or a Postgres database cloned from a template).
    pool: 'forks',
    // The tests wait on databases and child processes more than they compute: four files at once
    // finish the suite in about half the time on two cores.
    maxWorkers: 4,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
