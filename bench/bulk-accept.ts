import pg from 'pg';
import { prisma, disconnectPrisma } from '@/lib/db/client';
import { prepareBulkAction } from '@/lib/bulk/prepare-bulk-action';
import { applyBulkAction } from '@/lib/bulk/apply-bulk-action';
import { undoBulkAction } from '@/lib/bulk/undo-bulk-action';
import { REVIEWERS, syntheticDatabase } from './support/synthetic-items';

// `npx tsx bench/bulk-accept.ts [--items N] [--match M] [--runs R]`: bulk-accepting M items that
// match a filter — snapshot, item updates, one review row and one undo row per item, the audit
// event — against a raw SQL UPDATE of the same rows in the same run. Target: ratio <= 2x at
// 310K items / 100K matching (`--items 310000 --match 100000`); the default is a tenth of that.

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : Number(process.env[`BENCH_${name.toUpperCase()}`] ?? def);
};
const N = arg('items', 31_000);
const M = arg('match', Math.round(N * (100 / 310)));
const RUNS = arg('runs', 2);
const TARGET = 2;

const bench = await syntheticDatabase(N);
process.env.DATABASE_URL = bench.url;
const db = prisma();
const sql = new pg.Client({ connectionString: bench.url });
await sql.connect();
const actor = REVIEWERS[0]!;

// A filter matching about M acceptable pending items: pending, with a CoT, and short enough.
const { rows: pendingRows } = await sql.query<{ n: number }>(
  `SELECT count(*)::int AS n FROM item WHERE dataset_id = $1 AND review_status = 'pending' AND cot_length IS NOT NULL`,
  [bench.datasetId],
);
const pending = pendingRows[0]!.n;
if (M > pending) throw new Error(`only ${pending} pending items; ask for fewer with --match`);
const { rows: cut } = await sql.query<{ len: number }>(
  `SELECT percentile_disc($2::float) WITHIN GROUP (ORDER BY cot_length) AS len FROM item WHERE dataset_id = $1 AND review_status = 'pending' AND cot_length IS NOT NULL`,
  [bench.datasetId, M / pending],
);
const lengthMax = cut[0]!.len;
const filter = `dataset=${bench.datasetId}&status=pending&lengthMax=${lengthMax}`;
const rawWhere = `dataset_id = $1 AND review_status = 'pending' AND cot_length <= $2 AND COALESCE(current_revision_id, current_draft_id) IS NOT NULL`;

async function settle() {
  await sql.query('VACUUM (ANALYZE) item');
  await sql.query('VACUUM (ANALYZE) review');
  await sql.query('CHECKPOINT').catch(() => {}); // needs superuser; the bench still runs without it
}

// The raw baseline is the bare UPDATE, as before the dashboard rollups: their trigger on item
// (prisma/migrations/20261203150000_dashboard_rollups) is switched off around it, and around
// putting the rows back, so the rollups stay true. `withRollups` keeps it on, to show its cost.
async function raw(withRollups = false): Promise<{ ms: number; rows: number }> {
  if (!withRollups) await sql.query('ALTER TABLE item DISABLE TRIGGER dashboard_rollup_update');
  try {
    return await rawUpdate();
  } finally {
    if (!withRollups) await sql.query('ALTER TABLE item ENABLE TRIGGER dashboard_rollup_update');
  }
}

async function rawUpdate(): Promise<{ ms: number; rows: number }> {
  const { rows: before } = await sql.query<{ id: number }>(`SELECT id FROM item WHERE ${rawWhere}`, [bench.datasetId, lengthMax]);
  const t = performance.now();
  const r = await sql.query(
    `UPDATE item SET review_status = 'accepted', accepted_version_id = COALESCE(current_revision_id, current_draft_id),
            reviewed_by_id = $3, reviewed_at = now(), rev = rev + 1, updated_at = now()
      WHERE ${rawWhere}`,
    [bench.datasetId, lengthMax, actor],
  );
  const ms = performance.now() - t;
  await sql.query(`UPDATE item SET review_status = 'pending', accepted_version_id = NULL, reviewed_by_id = NULL, reviewed_at = NULL WHERE id = ANY($1::int[])`, [
    before.map((x) => x.id),
  ]);
  return { ms, rows: r.rowCount ?? 0 };
}

async function ours(): Promise<{ ms: number; prepareMs: number; rows: number; undoMs: number; restored: number }> {
  const t = performance.now();
  const prepared = await prepareBulkAction(db, { selection: { kind: 'filter', filter, exclude: [] }, operation: { type: 'accept', version: 'revision-else-draft' }, actorId: actor });
  const prepareMs = performance.now() - t;
  const applied = await applyBulkAction(db, { id: prepared.id, actorId: actor });
  const ms = performance.now() - t;
  if (applied.changed !== prepared.count) throw new Error(`changed ${applied.changed} rows but the confirmation said ${prepared.count}`);
  await settle();
  const u = performance.now();
  const undone = await undoBulkAction(db, { id: prepared.id, actorId: actor });
  return { ms, prepareMs, rows: applied.changed, undoMs: performance.now() - u, restored: undone.restored };
}

console.log(`\nbulk accept: ${N} items, filter "${filter}", ${RUNS} runs each, alternating`);
const rawMs: number[] = [];
const rawRollupMs: number[] = [];
const ourMs: number[] = [];
for (let i = 0; i < RUNS; i++) {
  await settle();
  const r = await raw();
  rawMs.push(r.ms);
  console.log(`  raw UPDATE:   ${r.rows} rows in ${r.ms.toFixed(0)} ms`);
  await settle();
  const rr = await raw(true);
  rawRollupMs.push(rr.ms);
  console.log(`  raw UPDATE with the dashboard rollup trigger: ${rr.rows} rows in ${rr.ms.toFixed(0)} ms`);
  await settle();
  const o = await ours();
  ourMs.push(o.ms);
  console.log(
    `  bulk accept:  ${o.rows} rows in ${o.ms.toFixed(0)} ms (snapshot + count ${o.prepareMs.toFixed(0)} ms, apply ${(o.ms - o.prepareMs).toFixed(0)} ms); undo restored ${o.restored} in ${o.undoMs.toFixed(0)} ms`,
  );
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const ratio = median(ourMs) / median(rawMs);
console.log(`\ndashboard rollup trigger on the raw UPDATE: ${(median(rawRollupMs) / median(rawMs)).toFixed(2)}x`);
console.log(`median raw ${median(rawMs).toFixed(0)} ms, median bulk accept ${median(ourMs).toFixed(0)} ms: ratio ${ratio.toFixed(2)}x (target <= ${TARGET}x) ${ratio <= TARGET ? 'met' : 'OVER'}`);
await sql.end();
await disconnectPrisma();
await bench.drop();
