import pg from 'pg';
import { frameHashWords } from '@/lib/dedup/frame-hash';
import { questionClusters, videoClusters } from '@/lib/dedup/lsh';
import { minhash, questionText } from '@/lib/dedup/minhash';
import { DEFAULT_RL_POOL_SETTINGS as S } from '@/lib/dedup/settings';
import { createTestDatabase } from '@/test/support/test-database';
import { arg, peakRss } from './support/synthetic-records';

// `npx tsx bench/dedup.ts [--questions N] [--videos N]`: the near-duplicate scan's in-memory
// work — MinHash signatures of 310K synthetic questions, LSH clusters over them, LSH clusters
// over 30K videos' 16 frame hashes — against reading the same rows (question text + options,
// frame hash bytes) from PostgreSQL into this process, in the same run. 1% of questions and
// of videos get a near copy; the run checks they are found.
const NQ = arg('questions', 310_000);
const NV = arg('videos', 30_000);
const FRAMES = 16;

let seed = 12345;
const rnd = () => ((seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32);
const WORDS = 'person table cup red blue green walks opens closes door left right before after holds picks bag box chair window car dog cat ball runs sits stands kitchen street camera moves first last many how what which where why'.split(' ');
const sentence = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');

const problems: string[] = [];
const options: string[][] = [];
for (let i = 0; i < NQ; i++) {
  if (i % 100 === 99) {
    problems.push(problems[i - 1]!.toUpperCase());
    options.push(options[i - 1]!);
  } else {
    problems.push(`${sentence(10 + Math.floor(rnd() * 10))}?`);
    options.push(i % 2 ? ['A. ' + sentence(3), 'B. ' + sentence(3), 'C. ' + sentence(3), 'D. ' + sentence(3)] : []);
  }
}
const frameBytes: Buffer[] = [];
for (let v = 0; v < NV; v++) {
  const b = Buffer.alloc(FRAMES * 8);
  if (v % 100 === 99) {
    frameBytes[v - 1]!.copy(b);
    for (let f = 0; f < FRAMES; f++) b[f * 8] = b[f * 8]! ^ 0x01; // one bit per frame flipped
  } else for (let k = 0; k < b.length; k++) b[k] = Math.floor(rnd() * 256);
  frameBytes.push(b);
}
const knownQ = Math.floor(NQ / 100);
const knownV = Math.floor(NV / 100);
console.log(`questions: ${NQ.toLocaleString()} (${knownQ} near copies) · videos: ${NV.toLocaleString()} × ${FRAMES} frame hashes (${knownV} near copies)`);

global.gc?.();
const t0 = performance.now();
const ours = await peakRss(async () => {
  const sigs = problems.map((p, i) => minhash(questionText(p, options[i]!), S.shingleWords));
  const tSign = performance.now();
  const qc = questionClusters({ signatures: sigs, groups: new Int32Array(NQ).fill(-1) }, S.questionThreshold);
  const tQ = performance.now();
  const vc = videoClusters({ words: frameBytes.map((b) => frameHashWords(b)) }, S);
  const tV = performance.now();
  return { sign: tSign - t0, qLsh: tQ - tSign, vLsh: tV - tQ, qc: qc.length, vc: vc.length };
});
const oursMs = performance.now() - t0;

const db = await createTestDatabase('bench_dedup');
const client = new pg.Client({ connectionString: db.url });
await client.connect();
let baseMs = 0;
let basePeak = 0;
try {
  await client.query(`CREATE TABLE bench_q (id int PRIMARY KEY, problem text NOT NULL, options text[] NOT NULL); CREATE TABLE bench_v (id int PRIMARY KEY, frame_hashes bytea NOT NULL)`);
  for (let i = 0; i < NQ; i += 20_000) {
    const ids = Array.from({ length: Math.min(20_000, NQ - i) }, (_, k) => i + k);
    // Options travel as JSON text per row (unnest cannot yield rows of arrays) and are cast back.
    await client.query(`INSERT INTO bench_q SELECT u.id, u.p, ARRAY(SELECT json_array_elements_text(u.o::json)) FROM unnest($1::int[], $2::text[], $3::text[]) AS u(id, p, o)`, [ids, ids.map((k) => problems[k]), ids.map((k) => JSON.stringify(options[k]))]);
  }
  for (let v = 0; v < NV; v += 10_000) {
    const ids = Array.from({ length: Math.min(10_000, NV - v) }, (_, k) => v + k);
    await client.query(`INSERT INTO bench_v SELECT * FROM unnest($1::int[], $2::bytea[])`, [ids, ids.map((k) => frameBytes[k])]);
  }
  await client.query('VACUUM ANALYZE bench_q');
  await client.query('VACUUM ANALYZE bench_v');
  global.gc?.();
  const b0 = performance.now();
  const base = await peakRss(async () => {
    const q = await client.query('SELECT id, problem, options FROM bench_q ORDER BY id');
    const v = await client.query('SELECT id, frame_hashes FROM bench_v ORDER BY id');
    return q.rows.length + v.rows.length;
  });
  baseMs = performance.now() - b0;
  basePeak = base.peakMb;
  if (base.result !== NQ + NV) throw new Error('baseline read the wrong number of rows');
} finally {
  await client.end();
  await db.drop();
}

const r = ours.result;
console.log(`hash + LSH:  ${(oursMs / 1000).toFixed(2)} s (MinHash ${(r.sign / 1000).toFixed(2)} s, question LSH ${(r.qLsh / 1000).toFixed(2)} s, video LSH ${(r.vLsh / 1000).toFixed(2)} s), peak RSS ${ours.peakMb.toFixed(0)} MB`);
console.log(`read rows:   ${(baseMs / 1000).toFixed(2)} s (SELECT the same questions and frame hashes from PostgreSQL), peak RSS ${basePeak.toFixed(0)} MB`);
console.log(`ratio:       hash + LSH takes ${(oursMs / baseMs).toFixed(2)}× the time of reading the rows`);
console.log(`found:       ${r.qc} question clusters (expected ${knownQ}), ${r.vc} video clusters (expected ${knownV})`);
if (r.qc !== knownQ || r.vc !== knownV) process.exitCode = 1;
