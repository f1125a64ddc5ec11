import { defineConfig } from 'vitest/config';
import path from 'node:path';

// The reliability suite (`npm run test:faults`, run by `npm test` after the build): tests that
// stop and start databases and processes. Each file brings its own embedded PostgreSQL — never
// the machine's shared server — so the files run one at a time.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    name: 'faults',
    include: ['test/faults/**/*.test.ts'],
    environment: 'node',
    testTimeout: 240_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
