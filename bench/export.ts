import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { createTestDatabase } from '@/test/support/test-database';
import { spawn } from 'node:child_process';
import { arg, full } from './support/synthetic-records';

// `npx tsx bench/export.ts [--items N] [--full]`: streaming an SFT export of N accepted items
// (each with its accepted CoT) out of PostgreSQL into a JSONL file with its SHA-256 and manifest,
// in a process of its own (its peak RSS is reported), against a raw `COPY (SELECT …) TO STDOUT`
// of the same rows, in one run. Target: ratio >= 0.5x and peak RSS <= 256 MB at 102K accepted
// items (--full), in a dataset of 1.5x as many; the default is a tenth of that.
const N = full ? 102_000 : arg('items', 10_200);
const TARGET = 0.5;
const RSS_LIMIT_MB = 256;

const outDir = path.resolve(import.meta.dirname, 'out');
fs.mkdirSync(outDir, { recursive: true });
const db = await createTestDatabase('bench_export');
const client = new pg.Client({ connectionString: db.url });
await client.connect();
try {
  // Accepted items with ~1 KB CoTs, plus half as many pending ones the filter must skip.
  const t0 = Date.now();
  const total = Math.round(N * 1.5);
  const { rows } = await client.query<{ id: number }>(`INSERT INTO dataset (name, media_root, updated_at) VALUES ('bench', '/m', now()) RETURNING id`);
  const datasetId = rows[0]!.id;
  await client.query(
    `INSERT INTO item (dataset_id, problem_id, problem_id_is_number, problem, options, problem_type, data_type, path, data_source, solution, ground_truth, extra, field_order, review_status, updated_at)
     SELECT $1, g::text, g % 5 <> 0, 'What does the person do after picking up the cup ' || g || '?' || E'\\nA. drinks\\nB. sits\\nC. leaves\\nD. waves',
            ARRAY['A. drinks', 'B. sits', 'C. leaves', 'D. waves'], 'multiple choice', 'video', './STAR/videos/clip_' || (g / 3) || '.mp4',
            (ARRAY['STAR', 'PerceptionTest', 'LLaVA-Video-178K'])[1 + g % 3], '<answer>A</answer>', 'A',
            jsonb_build_object('answer', 'A', 'original_question_type', 'Interaction', 'reward', 0.5),
            ARRAY['problem_id', 'problem', 'options', 'problem_type', 'data_type', 'path', 'data_source', 'solution', 'answer', 'original_question_type', 'reward'],
            CASE WHEN g % 3 = 2 THEN 'pending' ELSE 'accepted' END::"ReviewStatus", now()
       FROM generate_series(1, $2) g`,
    [datasetId, total],
  );
  await client.query(
    `WITH v AS (
       INSERT INTO cot_version (item_id, kind, text, format_ok, answer, answer_score, answer_correct)
       SELECT id, 'revision', '<think>' || repeat('Let me think about what the video shows at the beginning, middle and end. ', 14) || id || '</think>' || E'\\n<answer>A</answer>', true, 'A', 1, true
         FROM item WHERE dataset_id = $1 AND review_status = 'accepted'
       RETURNING id, item_id)
     UPDATE item i SET accepted_version_id = v.id FROM v WHERE v.item_id = i.id`,
    [datasetId],
  );
  await client.query('VACUUM ANALYZE item');
  await client.query('VACUUM ANALYZE cot_version');
  const accepted = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM item WHERE dataset_id = $1 AND review_status = 'accepted'`, [datasetId])).rows[0]!.n;
  console.log(`items: ${total.toLocaleString()} (${accepted.toLocaleString()} accepted), seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const out = path.join(outDir, `export-${N}.jsonl`);
  // Each export runs in a process of its own (as in a worker), so its peak RSS is its own.
  const runExport = () =>
    new Promise<{ ms: number; records: number; bytes: number; sha256: string; maxRssMb: number }>((resolve, reject) => {
      // BENCH_EXPORT_CPU_PROF=DIR writes a V8 CPU profile of each export process there.
      const prof = process.env.BENCH_EXPORT_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_EXPORT_CPU_PROF)}`] : [];
      const child = spawn(process.execPath, [...prof, '--import', 'tsx', path.join(import.meta.dirname, 'support/run-export.ts'), db.url, String(datasetId), out], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let text = '';
      child.stdout.on('data', (d) => (text += d));
      child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(text.trim().split('\n').pop()!)) : reject(new Error(`export process exited with ${code}`))));
    });
  // Warm-up: PostgreSQL's caches, so neither side is measured cold.
  await runExport();

  // Baseline: the same rows and columns, raw, as COPY text to stdout (consumed, not stored).
  const literal = `SELECT i.problem_id, i.problem_id_is_number, i.problem, i.options, i.problem_type, i.data_type, i.path, i.data_source, i.solution, i.extra, i.field_order, c.text
                     FROM item i LEFT JOIN cot_version c ON c.id = i.accepted_version_id
                    WHERE i.dataset_id = ${datasetId} AND i.review_status = 'accepted' ORDER BY i.id`;
  const rawCopy = async () => {
    const c0 = Date.now();
    const stream = client.query(copyTo(`COPY (${literal}) TO STDOUT`));
    let bytes = 0;
    for await (const chunk of stream) bytes += (chunk as Buffer).length;
    return { ms: Date.now() - c0, bytes };
  };

  // This machine's timings wander by a third from one run to the next (shared cores), so each
  // side runs ROUNDS times, alternating, and the medians are compared.
  const ROUNDS = 3;
  const copies: Array<{ ms: number; bytes: number }> = [];
  const exports: Array<Awaited<ReturnType<typeof runExport>>> = [];
  for (let r = 0; r < ROUNDS; r++) {
    copies.push(await rawCopy());
    exports.push(await runExport());
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const copyMs = median(copies.map((c) => c.ms));
  const copyBytes = copies[0]!.bytes;
  const result = { ...exports[0]!, ms: median(exports.map((e) => e.ms)), maxRssMb: Math.max(...exports.map((e) => e.maxRssMb)) };
  if (result.records !== accepted) throw new Error(`exported ${result.records}, expected ${accepted}`);
  const ratio = copyMs / result.ms;
  console.log(`raw COPY (SELECT …) TO STDOUT:  ${(copyMs / 1000).toFixed(2)} s median of ${copies.map((c) => (c.ms / 1000).toFixed(2)).join(', ')}  ${Math.round((accepted / copyMs) * 1000).toLocaleString()} rows/s  (${(copyBytes / 1024 / 1024).toFixed(0)} MB)`);
  console.log(
    `sft export to JSONL + manifest: ${(result.ms / 1000).toFixed(2)} s median of ${exports.map((e) => (e.ms / 1000).toFixed(2)).join(', ')}  ${Math.round((accepted / result.ms) * 1000).toLocaleString()} records/s  (${(result.bytes / 1024 / 1024).toFixed(0)} MB, sha256 ${result.sha256.slice(0, 12)}…)`,
  );
  console.log(`peak RSS of the exporting process: ${result.maxRssMb.toFixed(0)} MB (Node, tsx and the export's modules included)`);
  console.log(`ratio (export throughput / COPY throughput): ${ratio.toFixed(2)}x  target >= ${TARGET}x  ${ratio >= TARGET ? 'OK' : 'BELOW TARGET'}`);
  console.log(`peak RSS target <= ${RSS_LIMIT_MB} MB: ${result.maxRssMb <= RSS_LIMIT_MB ? 'OK' : 'ABOVE TARGET'}`);
} finally {
  await client.end();
  await db.drop();
}
