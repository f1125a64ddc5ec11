import pg from 'pg';
import { createTestDatabase } from '@/test/support/test-database';
import { demoItems } from '@/demo/records';
import { computeSteps, ensureDatasetSteps } from '@/lib/steps/ensure-steps';
import { splitSteps } from '@/lib/steps/split-steps';
import { disconnectPrisma, prisma } from '@/lib/db/client';
import { arg } from './support/synthetic-records';

// `npx tsx bench/step-split.ts [--cots N]`: splitting N CoTs into steps (the demo's drafts and
// revisions, ~1.1 KB each, made distinct), against reading the same texts from PostgreSQL in the
// same run; then the whole stored path (read, split, ground in the video's captions, write
// cot_steps) with ensureDatasetSteps. Medians of three runs each. Default N = 100,000.
const N = arg('cots', 100_000);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const db = await createTestDatabase('bench_steps');
const client = new pg.Client({ connectionString: db.url });
await client.connect();
try {
  const demo = demoItems();
  const texts = demo.flatMap((d) => [d.draft.text, d.revision.text]);
  const rep = demo[0]!.representation;
  const t0 = Date.now();
  const { rows } = await client.query<{ id: number }>(`INSERT INTO dataset (name, media_root, updated_at) VALUES ('bench', '/m', now()) RETURNING id`);
  const datasetId = rows[0]!.id;
  const [video] = (await client.query<{ id: number }>(`INSERT INTO video (dataset_id, path, duration_sec, representation) VALUES ($1, './v.mp4', 6, $2) RETURNING id`, [datasetId, JSON.stringify(rep)])).rows;
  await client.query(
    `INSERT INTO item (dataset_id, video_id, problem_id, problem, problem_type, data_type, path, solution, updated_at)
     SELECT $1, $2, g::text, 'Q' || g, 'numerical', 'video', './v.mp4', '<answer>1</answer>', now() FROM generate_series(1, $3::int) g`,
    [datasetId, video!.id, N],
  );
  // Each CoT is one of the demo's, with its item id written into the first sentence so no two are equal.
  await client.query(
    `INSERT INTO cot_version (item_id, kind, text)
     SELECT i.id, 'draft', replace(t.texts[1 + i.id % array_length(t.texts, 1)], 'the ', 'the (' || i.id || ') ')
       FROM item i, (SELECT $2::text[] AS texts) t WHERE i.dataset_id = $1`,
    [datasetId, texts],
  );
  await client.query('VACUUM ANALYZE cot_version');
  console.log(`CoTs: ${N.toLocaleString()} (mean ${Math.round(texts.reduce((a, t) => a + t.length, 0) / texts.length)} chars), seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const readMs: number[] = [];
  const splitMs: number[] = [];
  const groundMs: number[] = [];
  let steps = 0;
  for (let round = 0; round < 3; round++) {
    let t = performance.now();
    const res = await client.query<{ text: string }>(`SELECT c.text FROM cot_version c JOIN item i ON i.id = c.item_id WHERE i.dataset_id = $1`, [datasetId]);
    readMs.push(performance.now() - t);
    t = performance.now();
    steps = 0;
    for (const r of res.rows) steps += splitSteps(r.text).length;
    splitMs.push(performance.now() - t);
    t = performance.now();
    for (const r of res.rows) computeSteps(r.text, rep, 6);
    groundMs.push(performance.now() - t);
  }
  const read = median(readMs);
  const split = median(splitMs);
  const ground = median(groundMs);
  console.log(`read ${N.toLocaleString()} CoTs from PostgreSQL: ${(read / 1000).toFixed(2)} s (raw baseline)`);
  console.log(`split into steps:                ${(split / 1000).toFixed(2)} s  (${((N / split) * 1000).toFixed(0)} CoTs/s, ${(steps / N).toFixed(1)} steps each) — ${(split / read).toFixed(2)}x the read`);
  console.log(`split + time refs + captions:    ${(ground / 1000).toFixed(2)} s — ${(ground / read).toFixed(2)}x the read`);

  process.env.DATABASE_URL = db.url;
  const t = performance.now();
  const stored = await ensureDatasetSteps(prisma(), datasetId);
  const storeMs = performance.now() - t;
  console.log(`stored path (read, split, ground, write cot_steps in chunks of 2000): ${(storeMs / 1000).toFixed(2)} s for ${stored.toLocaleString()} versions — ${(storeMs / read).toFixed(2)}x the read`);
  await disconnectPrisma();
} finally {
  await client.end();
  await db.drop();
}
