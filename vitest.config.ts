import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
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
