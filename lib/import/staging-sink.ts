import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { sql } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import { kyselyOnClient } from '../db/raw-client';
import { copyRow, cotValues, itemValues, type RecordSink } from './record-sink';
import {
  COPY_STAGE,
  CREATE_NEW_VERSIONS,
  CREATE_STAGE,
  insertImportedVersionsSql,
  markStaleSql,
  POINT_DRAFTS_AT_IMPORTED,
  STALE_REASON_SOURCE_CHANGED,
  upsertItemsSql,
  upsertVideosSql,
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
  // The statements run on the import's connection (its transaction, its temp tables); only the COPY is raw.
  const k = kyselyOnClient(client);
  await CREATE_STAGE.execute(k);
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
      const affected = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0n);
      await sql`ANALYZE import_stage (path, problem_id)`.execute(k);
      await sql`SET LOCAL work_mem = '256MB'`.execute(k);
      const videosCreated = affected(await upsertVideosSql(opts.datasetId).execute(k));
      const staleDecisions = affected(await markStaleSql(opts.datasetId, STALE_REASON_SOURCE_CHANGED).execute(k));
      const items = await upsertItemsSql(opts.datasetId).execute(k);
      await CREATE_NEW_VERSIONS.execute(k);
      const versionsCreated = affected(await insertImportedVersionsSql(opts.datasetId, opts.importId).execute(k));
      if (versionsCreated > 0) {
        await sql`ANALYZE import_new_version`.execute(k);
        await POINT_DRAFTS_AT_IMPORTED.execute(k);
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
