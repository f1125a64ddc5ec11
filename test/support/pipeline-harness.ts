import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PrismaClient } from '@/generated/prisma/client';
import { disconnectPrisma, prisma } from '@/lib/db/client';
import { ffmpegPath } from '@/lib/media/ffmpeg-path';
import { parsePipelineSettings, type PipelineSettings } from '@/lib/pipeline/settings';
import { queue, stopQueue } from '@/lib/queue/client';
import { createRun, type CreateRunInput } from '@/lib/runs/create-run';
import { startStageWorkers } from '@/workers/stage-workers';
import { representation, ScriptedModelServer, type ScriptedServerOptions } from './scripted-model-server';
import { createTestDatabase } from './test-database';

// Pipeline tests run the real path — run creation, pg-boss, the stage pumps workers use, the
// OpenAI SDK — against a scripted model server. Each test file gets a database of its own:
// the queue's tables are shared by everything in a database, and one file's workers must
// never take another file's jobs.

export type Harness = Awaited<ReturnType<typeof startHarness>>;

export async function startHarness(opts: { env?: Record<string, string>; server?: ScriptedServerOptions } = {}) {
  const database = await createTestDatabase('pipe');
  process.env.DATABASE_URL = database.url;
  const db = prisma();
  const server = await ScriptedModelServer.start(opts.server);
  const env = {
    COT_DEFAULT_BASE_URL: server.url,
    COT_DEFAULT_MODEL: 'scripted-model',
    COT_DEFAULT_API_KEY_ENV: 'TEST_MODEL_KEY',
    TEST_MODEL_KEY: 'sk-test-secret',
    COT_DEFAULT_CONCURRENCY: '4',
    COT_DEFAULT_TIMEOUT_SECONDS: '5',
    COT_DEFAULT_MAX_RETRIES: '3',
    COT_DEFAULT_PRICE_INPUT: '1',
    COT_DEFAULT_PRICE_OUTPUT: '2',
    COT_FRAMES_MAX: '4',
    COT_FRAMES_MAX_SIDE: '64',
    COT_CONSISTENCY_FRAMES: '4',
    ...opts.env,
  };
  const parsed = parsePipelineSettings(env);
  if (parsed.problems.length) {
    await server.close();
    await disconnectPrisma();
    await database.drop();
    throw new Error(parsed.problems.join('; '));
  }
  const settings: PipelineSettings = parsed.settings;
  const boss = await queue();
  const workers: { stop: (ms: number) => Promise<void> }[] = [];

  const h = {
    db,
    server,
    settings,
    boss,
    databaseUrl: database.url,
    /** Starts the stage pumps a worker process runs (several calls = several workers). */
    async startWorker(o: { settings?: PipelineSettings; holder?: string } = {}) {
      const w = await startStageWorkers({ boss, db, settings: o.settings ?? settings, state: { active: 0 }, holder: o.holder ?? `test-${crypto.randomBytes(3).toString('hex')}`, pollMs: 100 });
      workers.push(w);
      return w;
    },
    createRun(input: CreateRunInput, s: PipelineSettings = settings) {
      return createRun(db, s, input, { actorId: null });
    },
    async waitForRun(runId: number, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const run = await db.pipelineRun.findUniqueOrThrow({ where: { id: runId } });
        if (run.status === 'completed' || run.status === 'cancelled' || run.status === 'failed') return run;
        if (Date.now() > deadline) throw new Error(`run ${runId} still ${run.status} after ${timeoutMs} ms (${run.done} done, ${run.failed} failed of ${run.total})`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    results(runId: number) {
      return db.stageResult.findMany({ where: { runId }, orderBy: { id: 'asc' } });
    },
    async stop() {
      await Promise.all(workers.map((w) => w.stop(5_000)));
      await stopQueue({ graceful: false, timeoutMs: 1_000 });
      await server.close();
      await disconnectPrisma();
      await database.drop();
    },
  };
  return h;
}

let clipCache: string | null = null;

/** A 3-second test clip (ffmpeg's test pattern), rendered once per process. */
export function testClipDir(): string {
  if (clipCache) return clipCache;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cot-clip-'));
  execFileSync(ffmpegPath(), ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10:duration=3', '-pix_fmt', 'yuv420p', path.join(dir, 'clip.mp4')]);
  clipCache = dir;
  return dir;
}

export type SeedItem = { problem?: string; options?: string[]; type?: 'multiple_choice' | 'numerical' | 'OCR' | 'free_form' | 'regression'; answer?: string; draft?: string; revision?: string };

/**
 * A dataset of `items`, each on its own video (the test clip), with or without a stored
 * representation, and optionally a current draft / revision.
 */
export async function seedDataset(db: PrismaClient, opts: { items: SeedItem[]; withRepresentation?: boolean; sharedVideo?: boolean }) {
  const mediaRoot = testClipDir();
  const name = `ds-${crypto.randomBytes(4).toString('hex')}`;
  const dataset = await db.dataset.create({ data: { name, mediaRoot } });
  const ids: number[] = [];
  const videoIds: number[] = [];
  for (const [i, it] of opts.items.entries()) {
    const vpath = opts.sharedVideo ? './clip.mp4' : `./v${i}/../clip.mp4`;
    const video =
      (await db.video.findFirst({ where: { datasetId: dataset.id, path: vpath } })) ??
      (await db.video.create({
        data: {
          datasetId: dataset.id,
          path: vpath,
          durationSec: 3,
          ...(opts.withRepresentation ? { representation: representation(['00:00:00', '00:00:01', '00:00:02'], 3), representationModel: 'seed', representationPromptVersion: 'seed/v0', representationAt: new Date() } : {}),
        },
      }));
    if (!videoIds.includes(video.id)) videoIds.push(video.id);
    const answer = it.answer ?? 'A';
    const item = await db.item.create({
      data: {
        datasetId: dataset.id,
        videoId: video.id,
        problemId: String(i + 1),
        problem: it.problem ?? `Which shape moves first? (${i})`,
        options: it.options ?? (it.type && it.type !== 'multiple_choice' ? [] : ['A. circle', 'B. square']),
        problemType: it.type ?? 'multiple_choice',
        dataType: 'video',
        path: vpath,
        solution: `<answer>${answer}</answer>`,
        groundTruth: answer,
      },
    });
    for (const kind of ['draft', 'revision'] as const) {
      const text = kind === 'draft' ? it.draft : it.revision;
      if (!text) continue;
      const v = await db.cotVersion.create({ data: { itemId: item.id, kind, text, model: 'seed', promptVersion: `${kind}/v0` } });
      await db.item.update({ where: { id: item.id }, data: kind === 'draft' ? { currentDraftId: v.id } : { currentRevisionId: v.id } });
    }
    ids.push(item.id);
  }
  return { dataset, itemIds: ids, videoIds };
}
