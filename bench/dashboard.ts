import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { prisma, disconnectPrisma } from '@/lib/db/client';
import { getDashboard } from '@/lib/dashboard/get-dashboard';
import { sortedAggregates } from '@/lib/dashboard/dashboard-aggregates';
import { readRawAggregates } from '@/lib/dashboard/raw-aggregates';
import { foldRollups, readRollupAggregates } from '@/lib/dashboard/rollup-aggregates';
import { REVIEWERS, syntheticDatabase } from './support/synthetic-items';

// `npx tsx bench/dashboard.ts [--items N] [--runs R] [--writes W]`: the dashboard's server time
// (getDashboard, what GET /api/dashboard runs: the per-dataset rollups the triggers keep
// current) beside the raw aggregate queries over the items and reviews it replaced, on the
// same data in the same run. Measured twice: with the rollups folded, and after W single-item
// decisions have appended their deltas (the read then folds them). Target: p95 <= 150 ms on
// 310K items. BENCH_DATABASE_URL (a cot_test_* database) keeps the seeded data between runs.

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : Number(process.env[`BENCH_${name.toUpperCase()}`] ?? def);
};
const N = arg('items', 310_000);
const RUNS = arg('runs', 30);
const WRITES = arg('writes', 500);
const TARGET_MS = 150;
const DAYS = 30;

const bench = await syntheticDatabase(N);
process.env.DATABASE_URL = bench.url;
const db = prisma();
const sql = new pg.Client({ connectionString: bench.url });
await sql.connect();
const datasetId = bench.datasetId;

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
async function time(fn: () => Promise<unknown>, runs: number): Promise<number[]> {
  for (let i = 0; i < 2; i++) await fn(); // warm the cache and the connection pool
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}
const row = (label: string, ms: number[]) => console.log(`${label.padEnd(46)} ${pct(ms, 0.5).toFixed(1).padStart(8)} ${pct(ms, 0.95).toFixed(1).padStart(8)}`);

/** W decisions as the review page makes them: one item and one review row per statement. */
async function decide(count: number) {
  const { rows } = await sql.query<{ id: number; status: string }>(
    `SELECT id, review_status::text AS status FROM item WHERE dataset_id = $1 ORDER BY id DESC LIMIT $2`,
    [datasetId, count],
  );
  for (const [k, r] of rows.entries()) {
    const next = r.status === 'accepted' ? 'rejected' : 'accepted';
    await sql.query('BEGIN');
    await sql.query(`UPDATE item SET review_status = $2, reviewed_by_id = $3, rev = rev + 1, updated_at = now() WHERE id = $1`, [r.id, next, REVIEWERS[k % REVIEWERS.length]]);
    await sql.query(`INSERT INTO review (item_id, status, reviewer_id, item_rev, previous_status) VALUES ($1, $2, $3, 0, $4)`, [r.id, next, REVIEWERS[k % REVIEWERS.length], r.status]);
    await sql.query('COMMIT');
  }
}

await sql.query('VACUUM (ANALYZE) item, review, video, dashboard_item_rollup, dashboard_score_rollup, dashboard_decision_rollup');
await foldRollups(db, datasetId);
const same = isDeepStrictEqual(sortedAggregates(await readRollupAggregates(db, { datasetId, days: DAYS })), sortedAggregates(await readRawAggregates(db, { datasetId, days: DAYS })));

console.log(`\ndashboard, ${bench.items} items, ${RUNS} runs each, last ${DAYS} days (ms)`);
console.log(`${'case'.padEnd(46)} ${'p50'.padStart(8)} ${'p95'.padStart(8)}`);
const raw = await time(() => readRawAggregates(db, { datasetId, days: DAYS }), Math.min(RUNS, 10));
row('raw aggregate queries (before)', raw);
const folded = await time(() => getDashboard(db, { datasetId, days: DAYS }), RUNS);
row('getDashboard from rollups (folded)', folded);
await decide(WRITES);
const afterWrites: number[] = [];
for (let i = 0; i < RUNS; i++) {
  // Every read follows a burst of decisions, so each one sums fresh deltas (and some fold them).
  await decide(Math.ceil(WRITES / RUNS));
  const t = performance.now();
  await getDashboard(db, { datasetId, days: DAYS });
  afterWrites.push(performance.now() - t);
}
row(`getDashboard from rollups (after ${WRITES}+ decisions)`, afterWrites);
const ours = [...folded, ...afterWrites];
const ratio = pct(ours, 0.95) / pct(raw, 0.95);
console.log(`\nrollups equal the raw aggregates: ${same ? 'yes' : 'NO'}`);
console.log(`p95 ${pct(ours, 0.95).toFixed(1)} ms vs raw p95 ${pct(raw, 0.95).toFixed(1)} ms: ${ratio.toFixed(3)}x of raw (target p95 <= ${TARGET_MS} ms) ${pct(ours, 0.95) <= TARGET_MS && same ? 'met' : 'NOT MET'}`);
await sql.end();
await disconnectPrisma();
await bench.drop();
