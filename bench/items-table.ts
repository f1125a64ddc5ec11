import { prisma, disconnectPrisma } from '@/lib/db/client';
import { parseItemFilter } from '@/lib/items/filter';
import { listItems } from '@/lib/items/list-items';
import { countItems } from '@/lib/items/count-items';
import { decodePageCursor } from '@/lib/items/page-cursor';
import { COMMON_WORD, RARE_WORD, syntheticDatabase } from './support/synthetic-items';

// `npx tsx bench/items-table.ts [--items N] [--runs R]`: the items table's first page (and a
// page deep into the list) under every single filter and every sort, timed around the same
// lib function the API calls (server time, database round trips included). Target: p95 <= 50 ms
// on 310K items. Set BENCH_DATABASE_URL (a cot_test_* database) to keep the seeded data between runs.

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : Number(process.env[`BENCH_${name.toUpperCase()}`] ?? def);
};
const N = arg('items', 310_000);
const RUNS = arg('runs', 25);
const TARGET_MS = 50;

const bench = await syntheticDatabase(N);
process.env.DATABASE_URL = bench.url;
const db = prisma();
const ds = String(bench.datasetId);

const cases: [string, Record<string, string>][] = [];
for (const sort of ['id', 'updatedAt', 'draftScore', 'revisionScore', 'consistencyScore', 'cotLength']) {
  for (const dir of ['asc', 'desc']) cases.push([`sort ${sort} ${dir}`, { sort, dir }]);
}
const filters: [string, Record<string, string>][] = [
  ['status=pending', { status: 'pending' }],
  ['status=skipped (2%)', { status: 'skipped' }],
  ['type=OCR', { type: 'OCR' }],
  ['source=STAR', { source: 'STAR' }],
  ['hasRepresentation=true', { hasRepresentation: 'true' }],
  ['hasRepresentation=false (5%)', { hasRepresentation: 'false' }],
  ['hasDraft=false (3%)', { hasDraft: 'false' }],
  ['hasRevision=true', { hasRevision: 'true' }],
  ['hasRevision=false (10%)', { hasRevision: 'false' }],
  ['failed=true (1.5%)', { failed: 'true' }],
  ['failed=false', { failed: 'false' }],
  ['draftCorrect=false', { draftCorrect: 'false' }],
  ['revisionCorrect=true', { revisionCorrect: 'true' }],
  ['score >= 0.95', { scoreMin: '0.95' }],
  ['score <= 0.05', { scoreMax: '0.05' }],
  ['score 0.4..0.6', { scoreMin: '0.4', scoreMax: '0.6' }],
  ['consistency >= 0.9', { consistencyMin: '0.9' }],
  ['cot length >= 1700', { lengthMin: '1700' }],
  ['reviewer=bench-rev-3', { reviewer: 'bench-rev-3' }],
  [`q=${RARE_WORD} (rare)`, { q: RARE_WORD }],
  [`q=${COMMON_WORD} (every CoT)`, { q: COMMON_WORD }],
  ['q=umbrella (5%)', { q: 'umbrella' }],
  ['q=problem id', { q: `b${Math.floor(N / 2)}` }],
];
cases.push(...filters);
// A few filters under a non-id sort, and a page deep into the list.
cases.push(['status=pending, sort revisionScore desc', { status: 'pending', sort: 'revisionScore', dir: 'desc' }]);
cases.push(['type=numerical, sort cotLength asc', { type: 'numerical', sort: 'cotLength', dir: 'asc' }]);

function p(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
}

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await fn(); // warm the cache and the connection pool
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

console.log(`\nitems table, ${bench.items} items, ${RUNS} runs per case, 50 rows per page (ms)`);
console.log(`${'case'.padEnd(42)} ${'rows'.padStart(5)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'page 20 p95'.padStart(12)} ${'count p50'.padStart(10)} ${'matches'.padStart(8)}`);
let worst = 0;
const failures: string[] = [];
for (const [label, params] of cases) {
  const filter = parseItemFilter({ dataset: ds, ...params });
  let rows = 0;
  const first = await time(async () => {
    rows = (await listItems(db, { filter, limit: 50 })).items.length;
  });
  // Walk to page 20 once, then time that page: keyset cost should not grow with depth.
  let cursor: string | null = null;
  for (let i = 0; i < 19; i++) {
    const pg = await listItems(db, { filter, limit: 50, ...(cursor ? { cursor: decodePageCursor(cursor, filter.sort) } : {}) });
    cursor = pg.nextCursor;
    if (!cursor) break;
  }
  const deep = cursor ? await time(() => listItems(db, { filter, limit: 50, cursor: decodePageCursor(cursor!, filter.sort) })) : [];
  let matches = 0;
  const count = await time(async () => {
    matches = await countItems(db, filter);
  });
  const p95 = p(first, 0.95);
  worst = Math.max(worst, p95);
  if (p95 > TARGET_MS) failures.push(label);
  console.log(
    `${label.padEnd(42)} ${String(rows).padStart(5)} ${p(first, 0.5).toFixed(1).padStart(7)} ${p95.toFixed(1).padStart(7)} ${(deep.length ? p(deep, 0.95).toFixed(1) : '—').padStart(12)} ${p(count, 0.5).toFixed(1).padStart(10)} ${String(matches).padStart(8)}`,
  );
}
console.log(`\nworst first-page p95: ${worst.toFixed(1)} ms (target <= ${TARGET_MS} ms): ${failures.length ? `OVER in ${failures.join('; ')}` : 'met in every case'}`);
await disconnectPrisma();
await bench.drop();
