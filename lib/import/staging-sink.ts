import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyRow, cotValues, itemValues, type RecordSink } from './record-sink';
import {
  COPY_STAGE,
  CREATE_NEW_VERSIONS,
  CREATE_STAGE,
  INSERT_IMPORTED_VERSIONS,
  MARK_STALE,
  POINT_DRAFTS_AT_IMPORTED,
  STALE_REASON_SOURCE_CHANGED,
  UPSERT_ITEMS,
  UPSERT_VIDEOS,
} from './stage-sql';

const FLUSH_CHARS = 256 * 1024;

/**
 * Records stream into a temporary staging table by COPY (no indexes, no WAL, running alongside
 * the parsing), then land with one set-based statement per table (media, items, imported
 * CoTs), matching existing rows by path and problem_id. (COPYing straight into the tables of an
 * empty dataset, with ids drawn from the sequences, was tried and measured slower: the batches'
 * index and foreign-key work held up the parsing.)
 */
export async function createStagingSink(client: pg.Client, opts: { datasetId: number; importId: number | null }): Promise<RecordSink> {
  await client.query(CREATE_STAGE);
  // A deep buffer lets parsing run ahead while PostgreSQL takes the previous rows.
  const stream = client.query(copyFrom(COPY_STAGE, { highWaterMark: 8 * 1024 * 1024 }));
  const done = finished(stream);
  done.catch(() => {}); // awaited in finish/abort; write errors also surface through drain
  let open = true;
  let buffer = '';
  const flush = async () => {
    if (buffer === '') return;
    const ok = stream.write(buffer);
    buffer = '';
    if (!ok) await once(stream, 'drain');
  };
  return {
    async add(ordinal, r) {
      buffer += copyRow([...itemValues(ordinal, r), ...cotValues(r)]);
      if (buffer.length >= FLUSH_CHARS) await flush();
    },
    async finish() {
      await flush();
      stream.end();
      await done;
      open = false;
      // Statistics on the two join keys only (ANALYZE of the whole staging table, texts and all,
      // cost more than the joins it informs); memory for sorting the rows into file order.
      await client.query('ANALYZE import_stage (path, problem_id)');
      await client.query(`SET LOCAL work_mem = '256MB'`);
      const videosCreated = (await client.query(UPSERT_VIDEOS, [opts.datasetId])).rowCount ?? 0;
      const staleDecisions = (await client.query(MARK_STALE, [opts.datasetId, STALE_REASON_SOURCE_CHANGED])).rowCount ?? 0;
      const items = await client.query<{ inserted: number; updated: number }>(UPSERT_ITEMS, [opts.datasetId]);
      await client.query(CREATE_NEW_VERSIONS);
      const versionsCreated = (await client.query(INSERT_IMPORTED_VERSIONS, [opts.datasetId, opts.importId])).rowCount ?? 0;
      if (versionsCreated > 0) {
        await client.query('ANALYZE import_new_version');
        await client.query(POINT_DRAFTS_AT_IMPORTED);
      }
      return { inserted: items.rows[0]?.inserted ?? 0, updated: items.rows[0]?.updated ?? 0, videosCreated, versionsCreated, staleDecisions };
    },
    async abort(e) {
      // An open COPY holds the connection: fail it (CopyFail) so ROLLBACK can run.
      if (open) {
        stream.destroy(e);
        await done.catch(() => {});
        open = false;
      }
    },
  };
}
