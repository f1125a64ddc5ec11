import { defineConfig } from 'vitest/config';
import os from 'node:os';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    // Vitest's default is one worker per core less one: a single worker on CI's 2 cores, so the
    // files ran one after another while most of them wait on PostgreSQL, child processes and
    // timers. Two at a time on 2 cores (more where there are more): 584 s -> 434 s for the suite.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/setup/global-db.ts'],
          // The origin integration tests address the app by (lib/http/host-check.ts refuses other hosts).
          env: { COT_ORIGIN: 'http://studio.test' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Files share one migrated database; each test seeds uniquely named data, so files may run in parallel.
        },
      },
    ],
  },
});
