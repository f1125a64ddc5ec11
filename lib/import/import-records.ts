import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { AppError } from '../errors';
import { arrayLiteral, copyRow } from './copy-text';
import { describePosition, readRecords, type FileFormat, type RecordPosition } from './read-records';
import { COPY_STAGE, CREATE_STAGE, INSERT_IMPORTED_VERSIONS, UPSERT_ITEMS, UPSERT_VIDEOS } from './stage-sql';
import { validateRecord, type StagedRecord } from './validate-record';

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
};

export type ImportRecordsOptions = {
  input: AsyncIterable<Buffer | string>;
  fileName?: string;
  dataset: { name: string; mediaRoot?: string; description?: string };
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

const FLUSH_BYTES = 256 * 1024;

function positionFields(p: RecordPosition): Pick<RecordIssue, 'line' | 'index'> {
  return p.line !== undefined ? { line: p.line } : { index: p.index };
}

function stageLine(ordinal: number, r: StagedRecord): string {
  const c = r.cot;
  return copyRow([
    ordinal,
    r.problemId,
    r.problemIdIsNumber,
    r.problem,
    arrayLiteral(r.options),
    r.problemType,
    r.dataType,
    r.path,
    r.dataSource,
    r.solution,
    r.groundTruth,
    JSON.stringify(r.extra),
    arrayLiteral(r.fieldOrder),
    c?.text ?? null,
    c?.think ?? null,
    c?.answer ?? null,
    c ? c.formatOk : null,
    c && Number.isFinite(c.answerScore) ? c.answerScore : null,
    c ? c.answerCorrect : null,
  ]);
}

async function resolveDataset(client: pg.Client, ds: ImportRecordsOptions['dataset'], warnings: string[]): Promise<{ id: number; created: boolean }> {
  const found = await client.query<{ id: number; media_root: string }>('SELECT id, media_root FROM dataset WHERE name = $1 FOR UPDATE', [ds.name]);
  const wanted = ds.mediaRoot ? path.resolve(ds.mediaRoot) : undefined;
  const existing = found.rows[0];
  if (existing) {
    if (wanted && path.resolve(existing.media_root) !== wanted) {
      throw new AppError(
        'CONFLICT',
        `Dataset "${ds.name}" already uses media root ${existing.media_root}; pass the same --media-root or leave it out (got ${wanted})`,
      );
    }
    return { id: existing.id, created: false };
  }
  if (!wanted) throw new AppError('BAD_REQUEST', `Dataset "${ds.name}" does not exist yet: give a media root to create it`);
  if (!fs.existsSync(wanted)) warnings.push(`media root ${wanted} does not exist (yet): media will not play until it does`);
  const created = await client.query<{ id: number }>(
    'INSERT INTO dataset (name, description, media_root, updated_at) VALUES ($1, $2, $3, now()) RETURNING id',
    [ds.name, ds.description ?? '', wanted],
  );
  return { id: created.rows[0]!.id, created: true };
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
  };
  const report = (issue: RecordIssue) => {
    opts.onIssue?.(issue);
    if (summary.issues.length < maxIssues) summary.issues.push(issue);
    else summary.issuesTruncated = true;
  };

  let copy: ReturnType<typeof copyFrom> | undefined;
  let copyDone: Promise<void> | undefined;
  await client.query('BEGIN');
  try {
    const dataset = await resolveDataset(client, opts.dataset, summary.warnings);
    summary.datasetId = dataset.id;
    await client.query(CREATE_STAGE);

    const stream = client.query(copyFrom(COPY_STAGE));
    copy = stream;
    copyDone = finished(stream);
    copyDone.catch(() => {}); // awaited below; a COPY error also surfaces from write/drain
    let buffer = '';
    const flush = async () => {
      if (buffer === '') return;
      const ok = stream.write(buffer);
      buffer = '';
      if (!ok) await once(stream, 'drain');
    };

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
        const v = validateRecord(raw.value);
        if (!v.ok) {
          summary.rejected++;
          for (const i of v.issues) bad(i.field, i.message);
        } else {
          const firstAt = seen.get(v.record.problemId);
          if (firstAt !== undefined) {
            summary.rejected++;
            const where = raw.position.line !== undefined ? `line ${firstAt}` : `record [${firstAt}]`;
            bad('problem_id', `duplicate problem_id ${JSON.stringify(raw.value && (raw.value as Record<string, unknown>).problem_id)}: already used by ${where}`);
          } else {
            seen.set(v.record.problemId, raw.position.line ?? raw.position.index!);
            summary.valid++;
            if (v.record.optionsInProblem) summary.optionsInProblem++;
            // After the first bad record an all-or-nothing import will roll back: keep validating
            // (to report every problem) but stop sending rows.
            if (opts.mode === 'skip_bad' || summary.rejected === 0) {
              buffer += stageLine(raw.ordinal, v.record);
              if (buffer.length >= FLUSH_BYTES) await flush();
            }
          }
        }
      }
      if (opts.onProgress && summary.records - lastProgress >= 1000) {
        lastProgress = summary.records;
        opts.onProgress({ bytesRead: summary.bytesRead, records: summary.records, rejected: summary.rejected });
      }
    }
    await flush();
    stream.end();
    await copyDone;
    copy = undefined;
    opts.onProgress?.({ bytesRead: summary.bytesRead, records: summary.records, rejected: summary.rejected });

    if (summary.rejected > 0 && (opts.mode === 'all_or_nothing' || summary.valid === 0)) {
      await client.query('ROLLBACK');
      summary.status = 'failed';
      summary.message =
        opts.mode === 'all_or_nothing'
          ? `${summary.rejected} of ${summary.records} records are invalid; nothing was imported (choose "skip bad records" to import the ${summary.valid} good one${summary.valid === 1 ? '' : 's'})`
          : `all ${summary.records} records are invalid; nothing was imported`;
      summary.datasetId = dataset.created ? null : dataset.id;
      return summary;
    }

    await client.query('ANALYZE import_stage');
    summary.videosCreated = (await client.query(UPSERT_VIDEOS, [dataset.id])).rowCount ?? 0;
    const items = await client.query<{ inserted: number; updated: number }>(UPSERT_ITEMS, [dataset.id]);
    summary.inserted = items.rows[0]?.inserted ?? 0;
    summary.updated = items.rows[0]?.updated ?? 0;
    summary.unchanged = summary.valid - summary.inserted - summary.updated;
    summary.versionsCreated = (await client.query(INSERT_IMPORTED_VERSIONS, [dataset.id, opts.importId ?? null])).rowCount ?? 0;
    await client.query('UPDATE dataset SET updated_at = now() WHERE id = $1', [dataset.id]);
    // The audit event commits with the rows it describes (raw SQL: this transaction is not Prisma's).
    await client.query(
      `INSERT INTO audit_event (actor_id, action, subject_type, subject_id, data) VALUES ($1, 'dataset.import', 'dataset', $2, $3)`,
      [
        opts.actorId ?? null,
        String(dataset.id),
        JSON.stringify({
          importId: opts.importId ?? null,
          file: opts.fileName ?? null,
          mode: opts.mode,
          records: summary.records,
          inserted: summary.inserted,
          updated: summary.updated,
          unchanged: summary.unchanged,
          rejected: summary.rejected,
        }),
      ],
    );
    await opts.beforeCommit?.(client, summary);
    await client.query('COMMIT');
    return summary;
  } catch (e) {
    // A COPY still open holds the connection: abort it (CopyFail) before rolling back.
    if (copy) {
      copy.destroy(e as Error);
      await copyDone?.catch(() => {});
    }
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  }
}
