import fs from 'node:fs';
import { once } from 'node:events';
import readline from 'node:readline';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createTestDatabase } from '@/test/support/test-database';
import { importRecords } from '@/lib/import/import-records';
import { validateRecord } from '@/lib/import/validate-record';
import { copyRow } from '@/lib/import/copy-text';
import { cotValues, itemValues, ITEM_COPY_COLUMNS } from '@/lib/import/record-sink';
import { arg, full, peakRss, writeSyntheticJsonl } from './support/synthetic-records';

// `npx tsx bench/import.ts [--records N] [--full]`: importing a Video-R1-style JSONL file (stream
// parse, zod validation, COPY into staging, set-based upserts of media, items and imported CoTs)
// against a raw PostgreSQL COPY of the same rows (media, items, imported CoTs) into the same
// tables, in one run.
// Target: ratio >= 0.5x at 310K records (--full); the default is a tenth of that.
const N = full ? 310_000 : arg('records', 31_000);
const TARGET = 0.5;

const outDir = path.resolve(import.meta.dirname, 'out');
fs.mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, `import-${N}.jsonl`);
const t0 = Date.now();
const bytes = fs.existsSync(file) ? fs.statSync(file).size : await writeSyntheticJsonl(file, N);
console.log(`records: ${N.toLocaleString()} in ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB, ready in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);

// The baseline: the very rows the import ends up writing (media, items, imported CoTs), rendered
// as COPY text before its clock starts, with ids drawn from the sequences the same way.
const db = await createTestDatabase('bench_import');
const client = new pg.Client({ connectionString: db.url });
await client.connect();
try {
  const settle = () => client.query('CHECKPOINT').catch(() => {});
  const ds = await client.query<{ id: number }>(`INSERT INTO dataset (name, media_root, updated_at) VALUES ('copy-baseline', '/m', now()) RETURNING id`);
  const datasetId = ds.rows[0]!.id;
  const copyFiles = { video: path.join(outDir, `import-${N}.video.copy`), item: path.join(outDir, `import-${N}.item.copy`), cot: path.join(outDir, `import-${N}.cot.copy`) };
  {
    const outs = Object.fromEntries(Object.entries(copyFiles).map(([k, f]) => [k, fs.createWriteStream(f)])) as Record<keyof typeof copyFiles, fs.WriteStream>;
    // Written with backpressure, so preparing the baseline does not inflate the import's memory figure.
    const put = async (out: fs.WriteStream, line: string) => {
      if (!out.write(line)) await once(out, 'drain');
    };
    const next = async (table: string, n: number) =>
      (await client.query<{ ids: number[] }>(`SELECT array_agg(nextval(pg_get_serial_sequence('${table}', 'id'))::int) AS ids FROM generate_series(1, $1)`, [n])).rows[0]!.ids.sort(
        (a, b) => a - b,
      );
    const records = async function* () {
      for await (const text of readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })) {
        if (!text) continue;
        const v = validateRecord(JSON.parse(text), text);
        if (!v.ok) throw new Error('synthetic record invalid');
        yield v.record;
      }
    };
    // Pass 1: the media files, in first-seen order, with ids drawn in one go.
    const paths = new Map<string, string>();
    for await (const r of records()) if (!paths.has(r.path)) paths.set(r.path, r.dataType);
    const vids = await next('video', paths.size);
    const videoIds = new Map<string, number>();
    for (const [i, [p, dataType]] of [...paths].entries()) {
      videoIds.set(p, vids[i]!);
      await put(outs.video, copyRow([vids[i]!, datasetId, p, dataType]));
    }
    // Pass 2: items and their CoTs.
    const itemIds = await next('item', N);
    let ordinal = 0;
    for await (const r of records()) {
      const id = itemIds[ordinal]!;
      await put(outs.item, copyRow([id, datasetId, videoIds.get(r.path)!, ...itemValues(ordinal, r)]));
      if (r.cot) await put(outs.cot, copyRow([id, 'imported', ...cotValues(r), '{}']));
      ordinal++;
    }
    await Promise.all(Object.values(outs).map((o) => (o.end(), finished(o))));
  }

  const copyIn = async (sql: string, f: string) => {
    const copy = client.query(copyFrom(sql));
    const done = finished(copy);
    for await (const chunk of fs.createReadStream(f, { highWaterMark: 1 << 20 })) if (!copy.write(chunk)) await once(copy, 'drain');
    copy.end();
    await done;
  };
  await settle();
  const c0 = Date.now();
  await copyIn('COPY video (id, dataset_id, path, data_type) FROM STDIN', copyFiles.video);
  await copyIn(`COPY item (id, dataset_id, video_id, ${ITEM_COPY_COLUMNS}) FROM STDIN`, copyFiles.item);
  await copyIn('COPY cot_version (item_id, kind, text, think, answer, format_ok, answer_score, answer_correct, params) FROM STDIN', copyFiles.cot);
  const copyMs = Date.now() - c0;

  const runImport = async (dataset: string) => {
    await settle();
    return peakRss(async () => {
      const i0 = Date.now();
      const s = await importRecords(client, { input: fs.createReadStream(file, { highWaterMark: 1 << 20 }), fileName: path.basename(file), dataset: { name: dataset, mediaRoot: '/m' }, mode: 'all_or_nothing' });
      if (s.status !== 'completed') throw new Error(`import did not complete: ${s.message}`);
      return { ...s, ms: Date.now() - i0 };
    });
  };
  const line = (label: string, r: Awaited<ReturnType<typeof runImport>>) => {
    const s = r.result;
    const ratio = copyMs / s.ms;
    console.log(
      `${label.padEnd(34)} ${(s.ms / 1000).toFixed(2).padStart(7)} s  ${Math.round((N / s.ms) * 1000).toLocaleString().padStart(8)} rec/s  ratio ${ratio.toFixed(2)}x  ` +
        `(stream ${s.timings.streamMs} ms + upserts ${s.timings.finishMs} ms; new ${s.inserted.toLocaleString()}, unchanged ${s.unchanged.toLocaleString()}, ` +
        `${s.videosCreated.toLocaleString()} media rows, ${s.versionsCreated.toLocaleString()} CoTs; peak RSS ${r.peakMb.toFixed(0)} MB)`,
    );
    return ratio;
  };

  // Warm-up (JIT, schema compilation) on a small slice, so the first timed run is not penalised.
  {
    const warm = path.join(outDir, 'import-warmup.jsonl');
    if (!fs.existsSync(warm)) await writeSyntheticJsonl(warm, 2000);
    await importRecords(client, { input: fs.createReadStream(warm), dataset: { name: 'warm-up', mediaRoot: '/m' }, mode: 'all_or_nothing' });
  }

  console.log(`${'raw COPY of the same rows'.padEnd(34)} ${(copyMs / 1000).toFixed(2).padStart(7)} s  ${Math.round((N / copyMs) * 1000).toLocaleString().padStart(8)} rows/s`);
  // A new dataset: the common first import.
  const fresh = line('import into a new dataset', await runImport('import'));
  // The same file again: every record is matched and found unchanged (idempotent re-import).
  line('re-import of the same file', await runImport('import'));
  // A dataset that already has an item: every record is new, but matched against existing rows.
  await client.query(
    `WITH d AS (INSERT INTO dataset (name, media_root, updated_at) VALUES ('upsert', '/m', now()) RETURNING id)
     INSERT INTO item (dataset_id, problem_id, problem, problem_type, data_type, path, solution, updated_at)
     SELECT id, 'existing', 'q', 'OCR', 'image', './x.png', 'x', now() FROM d`,
  );
  line('import into a non-empty dataset', await runImport('upsert'));
  console.log(`target: a new dataset's import >= ${TARGET}x of raw COPY: ${fresh >= TARGET ? 'OK' : 'BELOW TARGET'} (${fresh.toFixed(2)}x)`);
} finally {
  await client.end();
  await db.drop();
}
