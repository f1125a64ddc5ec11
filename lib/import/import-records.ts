import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type pg from 'pg';
import { kyselyOnClient } from '../db/raw-client';
import { AppError } from '../errors';
import { describePosition, readRecords, type FileFormat, type RecordPosition } from './read-records';
import type { RecordSink } from './record-sink';
import { createStagingSink } from './staging-sink';
import { validateRecord, WARNING_KINDS, type WarningKind } from './validate-record';

export const IMPORT_MODES = ['all_or_nothing', 'skip_bad'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export type RecordIssue = { at: string; line?: number; index?: number; field: string | null; message: string };

export type ImportProgress = { bytesRead: number; records: number; rejected: number };

export type ImportSummary = {
  status: 'completed' | 'failed';
  /** Why nothing was written, when status is failed. */
  message: string | null;
  datasetId: number | null;
  datasetName: string;
  format: FileFormat | null;
  records: number;
  valid: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  videosCreated: number;
  versionsCreated: number;
  optionsInProblem: number;
  bytesRead: number;
  issues: RecordIssue[];
  /** True when more issues were found than `issues` holds (all are counted in `rejected`). */
  issuesTruncated: boolean;
  warnings: string[];
  /** Records that import but would hurt a training run (path without "./", solution without <answer>), up to maxIssues. */
  recordWarnings: RecordIssue[];
  /** How many records have each kind of warning (all of them, beyond recordWarnings' cap). */
  warningCounts: Partial<Record<WarningKind, number>>;
  /** Items whose decision no longer holds: a re-import changed their question, options, solution, type, path or process. */
  staleDecisions: number;
  /** Where the time went, for benchmarks and logs: streaming (read, validate, write) and the final step. */
  timings: { streamMs: number; finishMs: number };
};

export type ImportRecordsOptions = {
  input: AsyncIterable<Buffer | string>;
  fileName?: string;
  dataset: { name: string; mediaRoot?: string; description?: string; remoteMediaPrefixes?: string[] };
  mode: ImportMode;
  actorId?: string | null;
  importId?: number | null;
  maxIssues?: number;
  onProgress?: (p: ImportProgress) => void;
  /** Every issue, including those past maxIssues (the CLI writes them to a report file). */
  onIssue?: (issue: RecordIssue) => void;
  /** Runs inside the import's transaction just before it commits (final row state, enqueueing). */
  beforeCommit?: (client: pg.Client, summary: ImportSummary) => Promise<void>;
};

function positionFields(p: RecordPosition): Pick<RecordIssue, 'line' | 'index'> {
  return p.line !== undefined ? { line: p.line } : { index: p.index };
}

async function resolveDataset(client: pg.Client, ds: ImportRecordsOptions['dataset'], warnings: string[]): Promise<{ id: number; created: boolean }> {
  const k = kyselyOnClient(client);
  const existing = await k.selectFrom('dataset').select(['id', 'media_root']).where('name', '=', ds.name).forUpdate().executeTakeFirst();
  const wanted = ds.mediaRoot ? path.resolve(ds.mediaRoot) : undefined;
  if (existing) {
    if (wanted && path.resolve(existing.media_root) !== wanted) {
      throw new AppError(
        'CONFLICT',
        `Dataset "${ds.name}" already uses media root ${existing.media_root}; pass the same --media-root or leave it out (got ${wanted})`,
      );
    }
    // Given with an import, the allowed remote media prefixes replace the dataset's list.
    if (ds.remoteMediaPrefixes) {
      await k.updateTable('dataset').set({ remote_media_prefixes: ds.remoteMediaPrefixes, updated_at: sql`now()` }).where('id', '=', existing.id).execute();
    }
    return { id: existing.id, created: false };
  }
  if (!wanted) throw new AppError('BAD_REQUEST', `Dataset "${ds.name}" does not exist yet: give a media root to create it`);
  if (!fs.existsSync(wanted)) warnings.push(`media root ${wanted} does not exist (yet): media will not play until it does`);
  const created = await k
    .insertInto('dataset')
    .values({ name: ds.name, description: ds.description ?? '', media_root: wanted, remote_media_prefixes: ds.remoteMediaPrefixes ?? [], updated_at: sql`now()` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: created.id, created: true };
}

/**
 * Imports a Video-R1 / VideoRFT file into a dataset in one transaction: stream-parse, validate,
 * COPY into a staging table, then set-based upserts. In all-or-nothing mode any bad record
 * rolls everything back (the dataset too, if this import created it); in skip-bad mode the
 * good records land and the bad ones are reported. `client` must be a dedicated connection.
 */
export async function importRecords(client: pg.Client, opts: ImportRecordsOptions): Promise<ImportSummary> {
  const maxIssues = opts.maxIssues ?? 1000;
  const summary: ImportSummary = {
    status: 'completed',
    message: null,
    datasetId: null,
    datasetName: opts.dataset.name,
    format: null,
    records: 0,
    valid: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    videosCreated: 0,
    versionsCreated: 0,
    optionsInProblem: 0,
    bytesRead: 0,
    issues: [],
    issuesTruncated: false,
    warnings: [],
    recordWarnings: [],
    warningCounts: {},
    staleDecisions: 0,
    timings: { streamMs: 0, finishMs: 0 },
  };
  const started = Date.now();
  let mark = started;
  const lap = () => {
    const now = Date.now();
    const ms = now - mark;
    mark = now;
    return ms;
  };
  const report = (issue: RecordIssue) => {
    opts.onIssue?.(issue);
    if (summary.issues.length < maxIssues) summary.issues.push(issue);
    else summary.issuesTruncated = true;
  };

  let sink: RecordSink | undefined;
  await client.query('BEGIN');
  try {
    const dataset = await resolveDataset(client, opts.dataset, summary.warnings);
    summary.datasetId = dataset.id;
    sink = await createStagingSink(client, { datasetId: dataset.id, importId: opts.importId ?? null });

    // problem_id → where it first appeared, to name both places in a duplicate's error.
    const seen = new Map<string, number>();
    let lastProgress = 0;
    for await (const raw of readRecords(opts.input, { fileName: opts.fileName })) {
      summary.records++;
      summary.bytesRead = raw.bytesRead;
      summary.format ??= raw.position.line !== undefined ? 'jsonl' : 'json';
      const at = describePosition(raw.position);
      const pos = positionFields(raw.position);
      const bad = (field: string | null, message: string) => report({ at, ...pos, field, message });

      if (raw.error !== undefined) {
        summary.rejected++;
        bad(null, raw.error);
      } else {
        const v = validateRecord(raw.value, raw.text);
        if (!v.ok) {
          summary.rejected++;
          for (const i of v.issues) bad(i.field, i.message);
        } else {
          const firstAt = seen.get(v.record.problemId);
          if (firstAt !== undefined) {
            summary.rejected++;
            const where = raw.position.line !== undefined ? `line ${firstAt}` : `record [${firstAt}]`;
            bad('problem_id', `duplicate problem_id ${JSON.stringify((raw.value as Record<string, unknown>).problem_id)}: already used by ${where}`);
          } else {
            seen.set(v.record.problemId, raw.position.line ?? raw.position.index!);
            summary.valid++;
            for (const w of v.warnings) {
              summary.warningCounts[w.kind] = (summary.warningCounts[w.kind] ?? 0) + 1;
              if (summary.recordWarnings.length < maxIssues) summary.recordWarnings.push({ at, ...pos, field: w.field, message: w.message });
            }
            if (v.record.optionsInProblem) summary.optionsInProblem++;
            // After the first bad record an all-or-nothing import will roll back: keep validating
            // (to report every problem) but stop sending rows.
            if (opts.mode === 'skip_bad' || summary.rejected === 0) await sink.add(raw.ordinal, v.record);
          }
        }
      }
      if (opts.onProgress && summary.records - lastProgress >= 1000) {
        lastProgress = summary.records;
        opts.onProgress({ bytesRead: summary.bytesRead, records: summary.records, rejected: summary.rejected });
      }
    }
    opts.onProgress?.({ bytesRead: summary.bytesRead, records: summary.records, rejected: summary.rejected });

    if (summary.rejected > 0 && (opts.mode === 'all_or_nothing' || summary.valid === 0)) {
      await sink.abort(new Error('import refused'));
      await client.query('ROLLBACK');
      summary.status = 'failed';
      summary.message =
        opts.mode === 'all_or_nothing'
          ? `${summary.rejected} of ${summary.records} records are invalid; nothing was imported (choose "skip bad records" to import the ${summary.valid} good one${summary.valid === 1 ? '' : 's'})`
          : `all ${summary.records} records are invalid; nothing was imported`;
      summary.datasetId = dataset.created ? null : dataset.id;
      return summary;
    }

    for (const [kind, n] of Object.entries(summary.warningCounts) as Array<[WarningKind, number]>) {
      summary.warnings.push(`${n} record${n === 1 ? '' : 's'} with ${WARNING_KINDS[kind]} (imported; see the record warnings)`);
    }
    summary.timings.streamMs = lap();
    const landed = await sink.finish();
    sink = undefined;
    summary.timings.finishMs = lap();
    summary.inserted = landed.inserted;
    summary.updated = landed.updated;
    summary.videosCreated = landed.videosCreated;
    summary.versionsCreated = landed.versionsCreated;
    summary.staleDecisions = landed.staleDecisions;
    if (landed.staleDecisions > 0) {
      summary.warnings.push(
        `${landed.staleDecisions} decided item${landed.staleDecisions === 1 ? '' : 's'} changed (question, options, solution, type, path or process): back to pending as "source changed since the decision"`,
      );
    }
    summary.unchanged = summary.valid - summary.inserted - summary.updated;
    const k = kyselyOnClient(client);
    await k.updateTable('dataset').set({ updated_at: sql`now()` }).where('id', '=', dataset.id).execute();
    // The audit event commits with the rows it describes (on this connection: this transaction is not Prisma's).
    await k
      .insertInto('audit_event')
      .values({
        actor_id: opts.actorId ?? null,
        action: 'dataset.import',
        subject_type: 'dataset',
        subject_id: String(dataset.id),
        data: JSON.stringify({
          importId: opts.importId ?? null,
          file: opts.fileName ?? null,
          mode: opts.mode,
          records: summary.records,
          inserted: summary.inserted,
          updated: summary.updated,
          unchanged: summary.unchanged,
          rejected: summary.rejected,
          staleDecisions: summary.staleDecisions,
        }),
      })
      .execute();
    await opts.beforeCommit?.(client, summary);
    await client.query('COMMIT');
    return summary;
  } catch (e) {
    await sink?.abort(e as Error).catch(() => {});
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  }
}
