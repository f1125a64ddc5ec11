import type pg from 'pg';
import { copyRow, copyText, cotValues, itemValues, ITEM_COPY_COLUMNS, type RecordSink, type SinkResult } from './record-sink';
import type { StagedRecord } from './validate-record';

const BATCH_RECORDS = 10_000;
const BATCH_CHARS = 8 * 1024 * 1024;

/**
 * The fast path for a dataset with no items or media yet (nothing to upsert against): ids are
 * drawn from the tables' own sequences, so media, items and imported CoTs are COPYed straight
 * into their tables in batches, media first so every item's reference exists. One batch is
 * written while the next is parsed. Duplicate problem_ids were refused before reaching here.
 */
export async function createDirectSink(client: pg.Client, opts: { datasetId: number; importId: number | null }): Promise<RecordSink> {
  const seq = await client.query<{ video: string; item: string }>(
    `SELECT pg_get_serial_sequence('video', 'id') AS video, pg_get_serial_sequence('item', 'id') AS item`,
  );
  const sequences = seq.rows[0]!;
  const videoIds = new Map<string, number>();
  const result: SinkResult = { inserted: 0, updated: 0, videosCreated: 0, versionsCreated: 0 };
  const params = JSON.stringify({ importId: opts.importId });
  let batch: Array<{ ordinal: number; r: StagedRecord }> = [];
  let batchChars = 0;
  let inflight: Promise<void> = Promise.resolve();
  let failed: Error | null = null;

  const ids = async (sequence: string, n: number): Promise<number[]> => {
    const r = await client.query<{ ids: number[] }>('SELECT array_agg(nextval($1::regclass)::int) AS ids FROM generate_series(1, $2)', [sequence, n]);
    return r.rows[0]!.ids.sort((a, b) => a - b);
  };

  const write = async (rows: Array<{ ordinal: number; r: StagedRecord }>) => {
    const newPaths: Array<{ path: string; dataType: string }> = [];
    const inBatch = new Set<string>();
    for (const { r } of rows) {
      if (!videoIds.has(r.path) && !inBatch.has(r.path)) {
        inBatch.add(r.path);
        newPaths.push({ path: r.path, dataType: r.dataType });
      }
    }
    if (newPaths.length > 0) {
      const vids = await ids(sequences.video, newPaths.length);
      let text = '';
      newPaths.forEach((p, i) => {
        videoIds.set(p.path, vids[i]!);
        text += copyRow([vids[i]!, opts.datasetId, p.path, p.dataType]);
      });
      await copyText(client, 'COPY video (id, dataset_id, path, data_type) FROM STDIN', text);
      result.videosCreated += newPaths.length;
    }
    const itemIds = await ids(sequences.item, rows.length);
    let items = '';
    let cots = '';
    rows.forEach(({ ordinal, r }, i) => {
      items += copyRow([itemIds[i]!, opts.datasetId, videoIds.get(r.path)!, ...itemValues(ordinal, r)]);
      if (r.cot) cots += copyRow([itemIds[i]!, 'imported', ...cotValues(r), params]);
    });
    await copyText(client, `COPY item (id, dataset_id, video_id, ${ITEM_COPY_COLUMNS}) FROM STDIN`, items);
    result.inserted += rows.length;
    if (cots) {
      await copyText(client, 'COPY cot_version (item_id, kind, text, think, answer, format_ok, answer_score, answer_correct, params) FROM STDIN', cots);
      result.versionsCreated += cots.split('\n').length - 1;
    }
  };

  const flush = async () => {
    // One batch in flight at a time; the connection runs its statements in order anyway.
    await inflight;
    if (failed) throw failed;
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    batchChars = 0;
    inflight = write(rows).catch((e: Error) => {
      failed = e;
    });
  };

  return {
    async add(ordinal, r) {
      batch.push({ ordinal, r });
      batchChars += r.problem.length + r.solution.length + (r.cot?.text.length ?? 0) + 200;
      if (batch.length >= BATCH_RECORDS || batchChars >= BATCH_CHARS) await flush();
    },
    async finish() {
      await flush();
      await inflight;
      if (failed) throw failed;
      return result;
    },
    async abort() {
      batch = [];
      await inflight;
    },
  };
}
