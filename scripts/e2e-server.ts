import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createTestDatabase } from '@/test/support/test-database';
import { prisma, disconnectPrisma } from '@/lib/db/client';
import { seedDemo } from '@/demo/seed';
import { createUser } from '@/lib/auth/users/create-user';
import { E2E_ADMIN, E2E_OUTSIDER, E2E_REVIEWER } from '@/e2e/users';
import { createAssignment } from '@/lib/assignments/create-assignment';
import { DEMO_DATASET } from '@/demo/seed';
import { ScriptedModelServer } from '@/test/support/scripted-model-server';

// Started by Playwright's webServer: a fresh cot_test_* database seeded with the demo dataset,
// the production build (made by `npm test` into NEXT_DIST_DIR) and one worker. The database URL
// is written where specs can read it to check rows.
const root = path.resolve(import.meta.dirname, '..');
const port = process.env.E2E_PORT ?? '3100';
const artifacts = path.join(root, 'e2e', '.artifacts');

async function main(): Promise<void> {
  const db = await createTestDatabase('e2e');
  process.env.DATABASE_URL = db.url;
  await seedDemo(prisma(), { mediaDir: path.join(root, 'data', 'media'), onProgress: (m) => console.log(`[seed] ${m}`) });
  await createUser(prisma(), { actorId: null, input: { ...E2E_ADMIN, role: 'admin' } });
  const reviewer = await createUser(prisma(), { actorId: null, input: { ...E2E_REVIEWER, role: 'reviewer' } });
  const outsider = await createUser(prisma(), { actorId: null, input: { ...E2E_OUTSIDER, role: 'reviewer' } });
  // Reviewers act only within their assignments: the e2e reviewer is assigned the whole demo
  // dataset; the outsider an assignment that matches no item (e2e/route-guard.spec.ts).
  const demo = await prisma().dataset.findUniqueOrThrow({ where: { name: DEMO_DATASET } });
  await createAssignment(prisma(), { actorId: null, input: { name: 'e2e: the demo dataset', filter: `dataset=${demo.id}`, reviewerIds: [reviewer.id] } });
  await createAssignment(prisma(), { actorId: null, input: { name: 'e2e: nothing', filter: `dataset=${demo.id}&q=matches-no-item-at-all`, reviewerIds: [outsider.id] } });
  await disconnectPrisma();
  fs.mkdirSync(artifacts, { recursive: true });
  fs.writeFileSync(path.join(artifacts, 'database-url'), db.url);

  // E2E_MODEL_SERVER=1: every model stage points at our scripted OpenAI-compatible server.
  const models = process.env.E2E_MODEL_SERVER === '1' ? await ScriptedModelServer.start({ delayMs: Number(process.env.E2E_MODEL_DELAY_MS ?? 250), record: false }) : null;
  const modelEnv = models
    ? { COT_DEFAULT_BASE_URL: models.url, COT_DEFAULT_MODEL: 'scripted-model', COT_DEFAULT_CONCURRENCY: '2', COT_CONSISTENCY_BASE_URL: models.url, COT_CONSISTENCY_MODEL: 'scripted-embedding', COT_BATCH_POLL_SECONDS: '1' }
    : {};
  const env = { ...process.env, ...modelEnv, DATABASE_URL: db.url, PORT: port, NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next-test' };
  const web = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/web-server.ts'), '-p', port], { cwd: root, env, stdio: 'inherit' });
  const worker = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'workers/index.ts')], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    web.kill('SIGTERM');
    worker.kill('SIGTERM');
    await Promise.all([web, worker].map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
    await models?.close();
    await db.drop().catch((e) => console.error(`[e2e-server] could not drop the test database: ${(e as Error).message}`));
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  web.on('exit', (code) => {
    if (!stopping) {
      console.error(`[e2e-server] web exited with ${code}`);
      void stop();
    }
  });
}

main().catch((e) => {
  console.error(`[e2e-server] failed: ${(e as Error).stack}`);
  process.exit(1);
});
