import fs from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '@/generated/prisma/client';
import { sql } from 'kysely';
import { kyselyOnClient, withRawClient } from '../db/raw-client';
import { isAppError } from '../errors';
import { log } from '../log';
import { enqueue } from '../queue/client';
import { QUEUE_POLICY } from '../queue/contract';
import { importRowOptionsSchema } from './create-import';
import { importRecords, type ImportMode, type ImportProgress, type ImportSummary, type RecordIssue } from './import-records';
import { pgQueueDb } from '../queue/queue-db';
import { uploadsDir } from './uploads';

/** An uploaded file is kept until its import lands (a refused one can be run again with "skip bad"). */
function removeLandedUpload(source: string): void {
  if (path.dirname(source) !== uploadsDir()) return;
  fs.rmSync(source, { force: true });
  fs.rmSync(`${source}.meta.json`, { force: true });
}

const PROGRESS_EVERY_MS = 500;
const RECORD_WARNINGS_KEPT = 200;

/** The report kept on the row: the summary without what the columns already say. */
function reportOf(s: ImportSummary) {
  return {
    format: s.format,
    records: s.records,
    valid: s.valid,
    unchanged: s.unchanged,
    videosCreated: s.videosCreated,
    versionsCreated: s.versionsCreated,
    optionsInProblem: s.optionsInProblem,
    issuesTruncated: s.issuesTruncated,
    warnings: s.warnings,
    // Shown on the import page; the CLI's --report file has every one.
    recordWarnings: s.recordWarnings.slice(0, RECORD_WARNINGS_KEPT),
    warningCounts: s.warningCounts,
    staleDecisions: s.staleDecisions,
  };
}

/**
 * The import job. The row is the state: a finished import is never run again, and a retried
 * one starts over safely, since an import commits in one transaction (all of it or nothing)
 * and upserts by (dataset, problem_id).
 */
export async function runImportJob(
  db: PrismaClient,
  opts: { importId: number; onProgress?: (p: ImportProgress & { bytesTotal: number }) => void; onIssue?: (issue: RecordIssue) => void },
): Promise<{ status: string; summary?: ImportSummary; error?: string }> {
  const row = await db.import.findUnique({ where: { id: opts.importId } });
  if (!row) return { status: 'missing' };
  if (row.status === 'completed' || row.status === 'failed' || row.status === 'cancelled') return { status: row.status };
  const options = importRowOptionsSchema.parse(row.options);
  const attempts = row.attempts + 1;
  await db.import.update({
    where: { id: row.id },
    data: { status: 'running', attempts, startedAt: new Date(), bytesRead: 0, processed: 0, rejected: 0, error: null },
  });

  let progress: Promise<unknown> = Promise.resolve();
  let lastAt = 0;
  let progressOpen = true;
  try {
    if (!fs.existsSync(row.source)) {
      const error = `The file ${options.fileName} is no longer on the server`;
      await db.import.update({ where: { id: row.id }, data: { status: 'failed', error, finishedAt: new Date() } });
      return { status: 'failed', error };
    }
    const summary = await withRawClient((client) =>
      importRecords(client, {
        input: fs.createReadStream(row.source, { highWaterMark: 1024 * 1024 }),
        fileName: options.fileName,
        dataset: { name: options.dataset, mediaRoot: options.mediaRoot, description: options.description, remoteMediaPrefixes: options.remoteMediaPrefixes },
        mode: row.mode as ImportMode,
        actorId: row.createdById,
        importId: row.id,
        onIssue: opts.onIssue,
        onProgress: (p) => {
          opts.onProgress?.({ ...p, bytesTotal: Number(row.bytesTotal) });
          const now = Date.now();
          if (!progressOpen || now - lastAt < PROGRESS_EVERY_MS) return;
          lastAt = now;
          // Chained, so updates never overtake each other.
          progress = progress.then(() =>
            db.import
              .update({ where: { id: row.id }, data: { bytesRead: BigInt(p.bytesRead), processed: p.records, rejected: p.rejected } })
              .catch((e) => log('warn', 'import progress update failed', { importId: row.id, error: (e as Error).message })),
          );
        },
        beforeCommit: async (client, s) => {
          // Progress runs on another connection: let it finish before this transaction locks the row.
          progressOpen = false;
          await progress;
          await kyselyOnClient(client)
            .updateTable('import')
            .set({
              status: 'completed',
              dataset_id: s.datasetId,
              total: s.records,
              processed: s.records,
              inserted: s.inserted,
              updated: s.updated,
              rejected: s.rejected,
              errors: JSON.stringify(s.issues),
              report: JSON.stringify(reportOf(s)),
              bytes_read: String(s.bytesRead),
              finished_at: sql`now()`,
              error: null,
            })
            .where('id', '=', row.id)
            .execute();
          if (s.videosCreated > 0) await enqueue('media.probe', { datasetId: s.datasetId! }, { db: pgQueueDb(client) });
        },
      }),
    );
    progressOpen = false;
    await progress;
    if (summary.status === 'completed') removeLandedUpload(row.source);
    if (summary.status === 'failed') {
      await db.import.update({
        where: { id: row.id },
        data: {
          status: 'failed',
          datasetId: summary.datasetId,
          total: summary.records,
          processed: summary.records,
          rejected: summary.rejected,
          bytesRead: BigInt(summary.bytesRead),
          errors: summary.issues,
          report: reportOf(summary),
          error: summary.message,
          finishedAt: new Date(),
        },
      });
    }
    return { status: summary.status, summary };
  } catch (e) {
    progressOpen = false;
    await progress;
    const message = (e as Error).message;
    // A file that cannot be read, or a dataset conflict, fails the same way every time: no retry.
    const final = isAppError(e) || attempts > QUEUE_POLICY['import.run'].retryLimit;
    await db.import.update({
      where: { id: row.id },
      data: final ? { status: 'failed', error: message, finishedAt: new Date() } : { status: 'queued', error: `attempt ${attempts} failed, retrying: ${message}` },
    });
    if (final) return { status: 'failed', error: message };
    throw e;
  }
}
