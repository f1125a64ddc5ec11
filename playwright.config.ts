import { defineConfig } from '@playwright/test';
import { ADMIN_STATE } from './e2e/users';

const PORT = Number(process.env.E2E_PORT ?? 3100);

// Debian's Chromium (apt `chromium`); `npx playwright install` cannot download browsers here.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--autoplay-policy=no-user-gesture-required',
];

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1440, height: 900 },
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    // Signs in once (admin through the UI, reviewer through the API) and saves the cookies.
    { name: 'setup', testMatch: /.*\.setup\.ts$/, use: { browserName: 'chromium' } },
    // Every spec runs signed in as the e2e admin unless it says otherwise (test.use({ storageState })).
    { name: 'chromium', use: { browserName: 'chromium', storageState: ADMIN_STATE }, dependencies: ['setup'] },
  ],
  webServer: {
    // A fresh cot_test_* database with the demo dataset, the built app and one worker.
    command: `node node_modules/tsx/dist/cli.mjs scripts/e2e-server.ts`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    env: { E2E_PORT: String(PORT) },
  },
});
