import pg from 'pg';
import { createTestDatabase, assertTestDatabaseUrl } from '@/test/support/test-database';

// A synthetic dataset shaped like VideoRFT's pool (≈310K items, a draft and a revision each,
// ~3 questions per video), generated inside PostgreSQL so 310K items take a minute, not an hour.
// Distributions are deterministic (hashes of the row number), so two runs measure the same data.

export const RARE_WORD = 'zeppelin'; // in ~0.05% of CoTs
export const COMMON_WORD = 'frame'; // in nearly every CoT
export const SOURCES = ['LLaVA-Video-178K', 'PerceptionTest', 'STAR', 'NeXT-QA', 'CLEVRER', 'Image-Mix'];
export const REVIEWERS = ['bench-rev-1', 'bench-rev-2', 'bench-rev-3', 'bench-rev-4', 'bench-rev-5'];

export type BenchDb = { url: string; datasetId: number; items: number; drop: () => Promise<void> };

const SENTENCES = [
  'Let me picture the whole clip from the beginning.',
  'The question asks how many objects cross the frame, so I need a count.',
  'At the beginning a person walks in from the left side.',
  'Hmm, wait, let me check the middle part again.',
  'In the middle of the video the camera pans to the right.',
  'The video shows a red car parked near a building.',
  'Towards the end the woman picks up the cup and drinks.',
  'So the answer should be the option that matches this action.',
  'Let me verify: the blue ball bounces twice before stopping.',
  'The man in the grey jacket opens the door and leaves.',
  'I can see three people standing by the table in this frame.',
  'Actually, the dog runs behind the sofa, not in front of it.',
  'The text on the sign reads the name of the shop.',
  'Each frame shows the same kitchen from a slightly different angle.',
  'The motion is slow, so the speed is closer to the lower estimate.',
  'Comparing the first and last frame, the box has moved to the shelf.',
  'Oh, I see, the child was holding the umbrella the whole time.',
  'Counting again carefully gives the same number as before.',
  'The scene is outdoors on a sunny street with trees.',
  'Therefore the correct choice is the second option.',
];

/** A fresh cot_test_* database with `n` synthetic items (or the one at BENCH_DATABASE_URL when it already holds them). */
export async function syntheticDatabase(n: number, log: (s: string) => void = console.log): Promise<BenchDb> {
  const reuse = process.env.BENCH_DATABASE_URL;
  if (reuse) {
    assertTestDatabaseUrl(reuse);
    const c = new pg.Client({ connectionString: reuse });
    await c.connect();
    try {
      const { rows } = await c.query<{ id: number; n: number }>(
        `SELECT d.id, (SELECT count(*)::int FROM item WHERE dataset_id = d.id) AS n FROM dataset d WHERE d.name = $1`,
        [`bench-${n}`],
      );
      if (rows[0]) {
        log(`reusing ${rows[0].n} synthetic items in BENCH_DATABASE_URL`);
        return { url: reuse, datasetId: rows[0].id, items: rows[0].n, drop: async () => {} };
      }
      const datasetId = await seed(c, n, log);
      return { url: reuse, datasetId, items: n, drop: async () => {} };
    } finally {
      await c.end();
    }
  }
  const db = await createTestDatabase('bench');
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    const datasetId = await seed(c, n, log);
    return { url: db.url, datasetId, items: n, drop: db.drop };
  } finally {
    await c.end();
  }
}

async function seed(c: pg.Client, n: number, log: (s: string) => void): Promise<number> {
  const t0 = Date.now();
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t = Date.now();
    await c.query(sql, params);
    log(`  ${label} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  };
  log(`seeding ${n} synthetic items…`);
  await c.query(`SET maintenance_work_mem = '256MB'`);
  await c.query('BEGIN');
  const { rows: ds } = await c.query<{ id: number }>(`INSERT INTO dataset (name, media_root) VALUES ($1, '/tmp/bench') RETURNING id`, [`bench-${n}`]);
  const datasetId = ds[0]!.id;
  for (const id of REVIEWERS) {
    await c.query(`INSERT INTO "user" (id, name, email) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`, [id, id.replace('bench-rev-', 'Reviewer '), `${id}@bench.local`]);
  }
  // Loading first and indexing after is several times faster than maintaining ~20 indexes (two
  // of them trigram GIN) row by row. The definitions are read back, so they stay the migration's.
  const { rows: indexes } = await c.query<{ name: string; def: string }>(
    `SELECT indexname AS name, indexdef AS def FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename IN ('item', 'cot_version', 'video') AND indexname NOT LIKE '%_pkey'`,
  );
  for (const ix of indexes) await c.query(`DROP INDEX "${ix.name}"`);
  const { rows: base } = await c.query<{ item: number; cot: number; video: number }>(
    `SELECT COALESCE((SELECT max(id) FROM item), 0) AS item, COALESCE((SELECT max(id) FROM cot_version), 0) AS cot, COALESCE((SELECT max(id) FROM video), 0) AS video`,
  );
  const b = base[0]!;
  const videos = Math.ceil(n / 3);
  await step(
    `${videos} videos`,
    `INSERT INTO video (id, dataset_id, path, data_type, representation_at)
     SELECT $2 + g, $1, './bench/v' || g || '.mp4', 'video', CASE WHEN g % 20 <> 0 THEN now() END
       FROM generate_series(1, $3) g`,
    [datasetId, b.video, videos],
  );
  // h(g, k): a stable pseudo-random number in [0, 1) for row g and purpose k.
  await c.query(`CREATE TEMP TABLE s AS SELECT $1::text[] AS a`, [SENTENCES]);
  await step(
    `${n} items`,
    `WITH g AS (
       SELECT g, ('x' || substr(md5(g::text), 1, 8))::bit(32)::bigint / 4294967296.0 AS h1,
                 ('x' || substr(md5(g::text), 9, 8))::bit(32)::bigint / 4294967296.0 AS h2,
                 ('x' || substr(md5(g::text), 17, 8))::bit(32)::bigint / 4294967296.0 AS h3,
                 ('x' || substr(md5(g::text), 25, 8))::bit(32)::bigint / 4294967296.0 AS h4
         FROM generate_series(1, $3) g)
     INSERT INTO item (id, dataset_id, video_id, problem_id, problem, problem_type, data_type, path, data_source, solution, ground_truth,
                       review_status, reviewed_by_id, reviewed_at, current_draft_id, current_revision_id, draft_score, draft_correct,
                       revision_score, revision_correct, consistency_score, cot_length, last_error, created_at, updated_at)
     SELECT $4 + g, $1, $6 + 1 + (g - 1) / 3, 'b' || g,
            (SELECT a[1 + (g * 7) % 20] FROM s) || ' Question ' || g || ': what happens to the ' ||
              (ARRAY['red car','blue ball','grey cat','wooden box','small child','yellow kite'])[1 + (g % 6)] || ' in the video?',
            (ARRAY['multiple choice','multiple choice','multiple choice','numerical','OCR','free-form','regression'])[1 + (g * 13) % 7]::"ProblemType",
            'video', './bench/v' || (1 + (g - 1) / 3) || '.mp4', ($5::text[])[1 + (g * 5) % 6], '<answer>A</answer>', 'A',
            (CASE WHEN h1 < 0.70 THEN 'pending' WHEN h1 < 0.90 THEN 'accepted' WHEN h1 < 0.98 THEN 'rejected' ELSE 'skipped' END)::"ReviewStatus",
            CASE WHEN h1 >= 0.70 THEN 'bench-rev-' || (1 + g % 5) END,
            CASE WHEN h1 >= 0.70 THEN now() - (h2 * 30) * interval '1 day' END,
            CASE WHEN h2 < 0.97 THEN $2 + g END,
            CASE WHEN h2 < 0.90 THEN $2 + $3 + g END,
            CASE WHEN h2 < 0.97 THEN round(h3::numeric, 3) END, CASE WHEN h2 < 0.97 THEN h3 > 0.35 END,
            CASE WHEN h2 < 0.90 THEN round(h4::numeric, 3) END, CASE WHEN h2 < 0.90 THEN h4 > 0.30 END,
            CASE WHEN h2 < 0.80 THEN round((h3 + h4) / 2, 3) END,
            CASE WHEN h2 < 0.97 THEN 300 + (h4 * 1500)::int END,
            CASE WHEN h2 >= 0.97 AND h3 < 0.5 THEN 'model endpoint returned 500 after 3 attempts' END,
            now() - (60 - h4 * 60) * interval '1 day', now() - (h1 * 20) * interval '1 day'
       FROM g`,
    [datasetId, b.cot, n, b.item, SOURCES, b.video],
  );
  await step(
    `${2 * n} CoT versions`,
    `INSERT INTO cot_version (id, item_id, kind, text, answer, answer_score, answer_correct, created_at)
     SELECT $2 + k * $1 + g, $3 + g, (CASE WHEN k = 0 THEN 'draft' ELSE 'revision' END)::"CotKind",
            '<think>' || a[1 + (g * 3 + k) % 20] || ' ' || a[1 + (g * 11 + k) % 20] || ' I look at each ${COMMON_WORD} in turn. ' ||
            a[1 + (g * 17 + k) % 20] || ' ' || a[1 + (g * 19 + 5 * k) % 20] || ' ' || a[1 + (g + 3 * k) % 20] ||
            CASE WHEN g % 2000 = 7 THEN ' A ${RARE_WORD} drifts across the sky.' ELSE '' END ||
            ' ' || a[1 + (g * 23 + k) % 20] || '</think><answer>A</answer>', 'A', 1, true, now()
       FROM generate_series(1, $1) g, generate_series(0, 1) k, s
      WHERE (k = 0 AND ('x' || substr(md5(g::text), 9, 8))::bit(32)::bigint / 4294967296.0 < 0.97)
         OR (k = 1 AND ('x' || substr(md5(g::text), 9, 8))::bit(32)::bigint / 4294967296.0 < 0.90)`,
    [n, b.cot, b.item],
  );
  // The decision log behind the reviewed items, so the dashboard has history to plot.
  await step(
    'reviews',
    `INSERT INTO review (item_id, status, chosen_version_id, reviewer_id, item_rev, previous_status, created_at)
     SELECT id, review_status, CASE WHEN review_status = 'accepted' THEN COALESCE(current_revision_id, current_draft_id) END,
            reviewed_by_id, 0, 'pending', reviewed_at
       FROM item WHERE dataset_id = $1 AND review_status <> 'pending'`,
    [datasetId],
  );
  for (const [seq, table] of [['item_id_seq', 'item'], ['cot_version_id_seq', 'cot_version'], ['video_id_seq', 'video']] as const) {
    await c.query(`SELECT setval('${seq}', (SELECT max(id) FROM ${table}))`);
  }
  for (const ix of indexes) await step(`index ${ix.name}`, ix.def);
  await c.query('COMMIT');
  await step('analyze', 'ANALYZE item; ANALYZE cot_version; ANALYZE video');
  await step('vacuum', 'VACUUM item');
  log(`seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return datasetId;
}
