import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import type { Stage } from '@/generated/prisma/enums';
import { chatRequestBody } from '../../models/chat';
import type { ModelEndpoint } from '../../models/model-config';
import { claimResults, type Claim } from '../result/claim-result';
import { markFailed, markSkipped } from '../result/finish-result';
import { StageFailure, StageSkip } from '../result/stage-failure';
import type { StageContext } from '../stage-context';
import { stageDefinition } from '../stages/registry';
import type { RequestFacts } from '../stages/stage-definition';
import type { BatchProvider } from './batch-provider';
import { batchFrames, type BatchSettings } from './batch-settings';
import { framesAsUrls, type FrameUrlOptions } from './frame-urls';
import { customIdOf, jsonlBody, splitJsonl, type BatchLine } from './jsonl-files';

type ToSend = { claim: Claim; facts: RequestFacts; line: BatchLine; previousBatch: number | null; generation: number };

export type SubmitReport = { claimed: number; batches: number; uploadFailures: number; failed: number; skipped: number; gaveUp: number };

/**
 * Sends what a batch run still needs: its pending results, and those left running without an
 * open batch (missing from an expired, cancelled or failed batch, or claimed by a worker that
 * died before its file was uploaded). Each is claimed (the same claim as live: a new attempt
 * number, so only this attempt can save), its request built by the stage's definition and
 * written into JSONL files within the provider's limits; each file is uploaded and becomes a
 * batch. A result already sent `maxResubmissions` + 1 times without an answer fails instead.
 * A file that fails to upload is recorded as a failed batch; its results go out next tick.
 */
export async function submitMissing(
  db: PrismaClient,
  o: {
    runId: number;
    stage: Stage;
    endpoint: ModelEndpoint;
    provider: BatchProvider;
    settings: BatchSettings;
    ctx: StageContext;
    renew: () => Promise<void>;
    /** Where url-mode frames are stored and the signing key (COT_<STAGE>_BATCH_FRAMES=url); asked for only in url mode. */
    frameStore?: () => { dataDir: string; key: Buffer };
  },
): Promise<SubmitReport> {
  const report: SubmitReport = { claimed: 0, batches: 0, uploadFailures: 0, failed: 0, skipped: 0, gaveUp: 0 };
  const k = kdb(db);
  const { rows } = await sql<{ id: number; unanswered: number; last_batch: number | null }>`
    SELECT r.id, COALESCE(prev.unanswered, 0)::int AS unanswered, prev.last_batch
      FROM stage_result r
      LEFT JOIN LATERAL (
        SELECT count(*) FILTER (WHERE b.provider_batch_id IS NOT NULL AND b.ingested_at IS NOT NULL AND q.answered_at IS NULL) AS unanswered, max(q.batch_id) AS last_batch
          FROM model_batch_request q JOIN model_batch b ON b.id = q.batch_id
         WHERE q.result_id = r.id AND b.run_id = r.run_id) prev ON true
     WHERE r.run_id = ${o.runId}::int
       AND (r.status = 'pending'
            OR (r.status = 'running' AND NOT EXISTS (
                  SELECT 1 FROM model_batch_request q JOIN model_batch b ON b.id = q.batch_id
                   WHERE q.result_id = r.id AND q.attempt = r.attempts AND b.ingested_at IS NULL)))
     ORDER BY r.id
     LIMIT ${o.settings.maxRequestsPerFile}::int`.execute(k);
  if (rows.length === 0) return report;

  const over = rows.filter((r) => r.unanswered > o.settings.maxResubmissions);
  if (over.length > 0) {
    await sql`WITH r AS (
         UPDATE stage_result SET status = 'failed', finished_at = now(),
                error = 'No reply from the Batch API after ' || (${o.settings.maxResubmissions}::int + 1) || ' submissions (batches expired, cancelled or failed)'
          WHERE id = ANY(${over.map((r) => r.id)}::int[]) AND run_id = ${o.runId}::int AND status IN ('pending', 'running')
          RETURNING item_id, video_id, error)
       UPDATE item SET last_error = ${`${o.stage}: `}::text || (SELECT error FROM r LIMIT 1), updated_at = now()
        WHERE id IN (SELECT item_id FROM r) OR video_id IN (SELECT video_id FROM r WHERE video_id IS NOT NULL)`.execute(k);
    report.gaveUp = over.length;
  }
  const send = rows.filter((r) => r.unanswered <= o.settings.maxResubmissions);
  const prev = new Map(send.map((r) => [r.id, r]));
  // No worker is noted on a batch claim: the result waits at the provider, not in this worker,
  // so a dead-worker reaper must not send it live; the next tick finds it if it was never sent.
  const claims = await claimResults(db, [...prev.keys()], null);
  report.claimed = claims.size;
  const def = stageDefinition(o.stage);
  let frameUrls: FrameUrlOptions | null = null;
  if (batchFrames(o.settings, o.stage) === 'url') {
    if (!o.settings.publicUrl) throw new Error(`COT_${o.stage.toUpperCase()}_BATCH_FRAMES=url needs COT_ORIGIN (the studio's public URL)`);
    if (!o.frameStore) throw new Error('Batch frames as URLs: no frame store given');
    // Every line of this submission gets links valid for the same window from now.
    frameUrls = { ...o.frameStore(), publicUrl: o.settings.publicUrl, expiresAt: new Date(Date.now() + o.settings.frameUrlHours * 3600_000) };
  }
  const toSend: ToSend[] = [];
  for (const claim of claims.values()) {
    try {
      const input = def.input({ ctx: o.ctx, claim, endpoint: () => o.endpoint });
      const { request, facts } = await def.request(input, o.ctx, claim);
      if (request.kind !== 'chat') throw new StageFailure(`The ${o.stage} stage sends ${request.kind} requests: the Batch API mode supports chat stages only`);
      const messages = frameUrls ? await framesAsUrls(request.messages, frameUrls) : request.messages;
      const line = JSON.stringify({ custom_id: customIdOf(claim.resultId, claim.attempt), method: 'POST', url: '/v1/chat/completions', body: chatRequestBody(o.endpoint, messages, { json: request.json }) });
      const p = prev.get(claim.resultId)!;
      toSend.push({ claim, facts, line: { customId: customIdOf(claim.resultId, claim.attempt), line }, previousBatch: p.last_batch, generation: p.unanswered });
    } catch (e) {
      if (e instanceof StageSkip) {
        if (await markSkipped(db, claim, e.message)) report.skipped++;
      } else if (e instanceof StageFailure) {
        if (await markFailed(db, claim, { message: e.message, raw: e.raw, usage: e.usage })) report.failed++;
      } else throw e;
    }
  }
  const byId = new Map(toSend.map((t) => [t.line.customId, t]));
  const { files, tooLarge } = splitJsonl(
    toSend.map((t) => t.line),
    { maxRequests: o.settings.maxRequestsPerFile, maxBytes: o.settings.maxBytesPerFile },
  );
  for (const t of tooLarge) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    const claim = byId.get(t.customId)!.claim;
    if (await markFailed(db, claim, { message: `The request is ${mb(t.bytes)}, over the batch file limit of ${mb(o.settings.maxBytesPerFile)} (COT_BATCH_MAX_FILE_MB)`, raw: null, usage: null })) report.failed++;
  }
  for (const [part, file] of files.entries()) {
    const items = file.lines.map((l) => byId.get(l.customId)!);
    // The batch this file mostly resubmits, and how many times its requests went unanswered.
    const counts = new Map<number, number>();
    for (const t of items) if (t.previousBatch !== null && t.generation > 0) counts.set(t.previousBatch, (counts.get(t.previousBatch) ?? 0) + 1);
    const resubmissionOf = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    const generation = Math.max(...items.map((t) => t.generation));
    const batchId = await db.$transaction(async (tx) => {
      const t = kdb(tx);
      const b = await t
        .insertInto('model_batch')
        .values({ run_id: o.runId, stage: o.stage, part, bytes: file.bytes, state: 'uploading', request_count: file.lines.length, resubmission_of: resubmissionOf, generation })
        .returning('id')
        .executeTakeFirstOrThrow();
      await sql`INSERT INTO model_batch_request (custom_id, batch_id, result_id, attempt, claim, facts)
                SELECT u.custom_id, ${b.id}::int, u.result_id, u.attempt, u.claim, u.facts
                  FROM unnest(${items.map((t) => t.line.customId)}::text[], ${items.map((t) => t.claim.resultId)}::int[], ${items.map((t) => t.claim.attempt)}::int[],
                              ${items.map((t) => JSON.stringify(t.claim))}::jsonb[], ${items.map((t) => JSON.stringify(t.facts))}::jsonb[]) AS u(custom_id, result_id, attempt, claim, facts)`.execute(t);
      return b.id;
    });
    let step = 'Upload';
    try {
      const fileId = await o.provider.upload(`cot-studio-run${o.runId}-batch${batchId}.jsonl`, jsonlBody(file));
      await k.updateTable('model_batch').set({ input_file_id: fileId, updated_at: sql`now()` }).where('id', '=', batchId).execute();
      step = 'Batch creation';
      const b = await o.provider.create(fileId, { run: String(o.runId), batch: String(batchId) });
      await k.updateTable('model_batch').set({ provider_batch_id: b.id, state: b.status, updated_at: sql`now()` }).where('id', '=', batchId).execute();
      report.batches++;
    } catch (e) {
      // Nothing reached the provider: the batch is closed as failed (shown with its error) and
      // its results, still running without an open batch, are sent again next tick.
      report.uploadFailures++;
      await k
        .updateTable('model_batch')
        .set({ state: 'failed', error: `${step} failed: ${(e as Error).message}`.slice(0, 2000), ingested_at: sql`now()`, updated_at: sql`now()` })
        .where('id', '=', batchId)
        .execute();
    }
    await o.renew();
  }
  return report;
}
