import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// The server a browser bench measures: BENCH_URL + BENCH_DATABASE_URL when set, else one started
// like the e2e one (scripts/e2e-server.ts: a fresh cot_test_* database with the demo dataset,
// the build in NEXT_DIST_DIR (.next-test), one worker) on BENCH_PORT / E2E_PORT.

const root = path.resolve(import.meta.dirname, '..', '..');
const port = Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 3103);

export async function startBenchServer(): Promise<{ url: string; databaseUrl: string; stop: () => Promise<void> }> {
  if (process.env.BENCH_URL) {
    const databaseUrl = process.env.BENCH_DATABASE_URL;
    if (!databaseUrl) throw new Error('BENCH_URL needs BENCH_DATABASE_URL (the server’s database, for seeding the bench dataset)');
    return { url: process.env.BENCH_URL, databaseUrl, stop: async () => {} };
  }
  const distDir = process.env.NEXT_DIST_DIR ?? '.next-test';
  if (!fs.existsSync(path.join(root, distDir, 'BUILD_ID'))) {
    throw new Error(`No build in ${distDir}: run \`NEXT_DIST_DIR=${distDir} NEXT_SKIP_TYPECHECK=1 npx next build\` first, or set BENCH_URL`);
  }
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/e2e-server.ts')], {
    cwd: root,
    env: { ...process.env, E2E_PORT: String(port), NEXT_DIST_DIR: distDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('The bench server exited during start-up');
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('The bench server did not start within 4 minutes');
    await new Promise((r) => setTimeout(r, 500));
  }
  const databaseUrl = fs.readFileSync(path.join(root, 'e2e/.artifacts/database-url'), 'utf8').trim();
  return {
    url,
    databaseUrl,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
