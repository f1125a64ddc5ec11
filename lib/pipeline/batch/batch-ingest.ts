import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import { parseChatBody } from '../../models/chat';
import { endpointKey } from '../../models/endpoint-key';
import { estimateCostUsd, type ModelEndpoint } from '../../models/model-config';
import { ModelCallError } from '../../models/model-error';
import { costOf, usageInBody, writeModelCalls, type ModelCallRow } from '../ledger/model-call-ledger';
import type { Claim } from '../result/claim-result';
import { markFailed } from '../result/finish-result';
import { runSave } from '../result/save-done';
import { parseSpent, StageFailure, StageSkip, type Usage } from '../result/stage-failure';
import type { StageContext } from '../stage-context';
import { stageDefinition } from '../stages/registry';
import type { RequestFacts } from '../stages/stage-definition';
import { NOT_RUN_CODES, outputLineSchema } from './batch-provider';

export type LineOutcome = 'done' | 'failed' | 'duplicate' | 'not-run' | 'unknown' | 'superseded';

/**
 * Saves one line of a batch's output or error file, in one transaction: the request is marked
 * answered (guarded, so a line read twice — a duplicated line, a file read again after a
 * crash — changes nothing the second time), its ledger row is written (tokens from the line's
 * usage, cost at the batch price) and the reply goes through the stage's own parse and save,
 * the same idempotent save as a live call (only the attempt that owns the result writes).
 */
export async function ingestLine(
  db: PrismaClient,
  o: { batchId: number; line: string; ctx: StageContext; endpoint: ModelEndpoint; discount: number },
): Promise<LineOutcome> {
  let json: unknown;
  try {
    json = JSON.parse(o.line);
  } catch {
    return 'unknown';
  }
  const parsed = outputLineSchema.safeParse(json);
  if (!parsed.success) return 'unknown';
  const line = parsed.data;
  // Expired or cancelled before it ran: missing, sent again by the next submission.
  if (line.error?.code && NOT_RUN_CODES.has(line.error.code)) return 'not-run';

  return db.$transaction(async (tx) => {
    const k = kdb(tx);
    const req = await k
      .updateTable('model_batch_request')
      .set({ answered_at: sql`now()` })
      .where('custom_id', '=', line.custom_id)
      .where('batch_id', '=', o.batchId)
      .where('answered_at', 'is', null)
      .returning(['claim', 'facts'])
      .$narrowType<{ claim: Claim; facts: RequestFacts }>()
      .executeTakeFirst();
    if (!req) {
      const known = await k
        .selectFrom('model_batch_request')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('custom_id', '=', line.custom_id)
        .where('batch_id', '=', o.batchId)
        .executeTakeFirst();
      return known && known.n > 0 ? 'duplicate' : 'unknown';
    }
    const claim = req.claim;
    const def = stageDefinition(claim.stage);
    const db2 = tx as unknown as PrismaClient;
    const status = line.response?.status_code ?? null;
    const rawBody = line.response?.body === undefined ? null : JSON.stringify(line.response.body);
    const ledger = (r: { status: string; tokensIn: number; tokensOut: number; error: string | null }): ModelCallRow => ({
      runId: claim.runId,
      resultId: claim.resultId,
      datasetId: claim.datasetId,
      stage: claim.stage,
      model: o.endpoint.model,
      endpointKey: endpointKey(o.endpoint),
      mode: 'batch',
      attempt: 1,
      status: r.status,
      httpStatus: status,
      tokensIn: r.tokensIn,
      tokensOut: r.tokensOut,
      latencyMs: 0,
      costUsd: ((c) => (c === null ? null : c * o.discount))(costOf(o.endpoint, r.tokensIn, r.tokensOut)),
      error: r.error,
      rawBody,
    });
    const fail = async (message: string, raw: string | null, usage: Usage | null) =>
      (await markFailed(db2, claim, { message, raw, usage })) ? ('failed' as const) : ('superseded' as const);

    if (status !== 200 || rawBody === null) {
      const body = line.response?.body as { error?: { message?: string } } | undefined;
      const message = `Batch API error${status ? ` (HTTP ${status})` : ''}: ${body?.error?.message ?? line.error?.message ?? line.error?.code ?? 'no response'}`;
      const spent = usageInBody(rawBody);
      await writeModelCalls(tx, [ledger({ status: 'batch_error', ...spent, error: message })]);
      return fail(message, rawBody, null);
    }
    let chat;
    try {
      chat = { ...parseChatBody(rawBody), latencyMs: 0, attempts: 1 };
    } catch (e) {
      if (!(e instanceof ModelCallError)) throw e;
      const spent = usageInBody(rawBody);
      await writeModelCalls(tx, [ledger({ status: 'bad_response', ...spent, error: e.message })]);
      return fail(e.message, rawBody, null);
    }
    const reply = { kind: 'chat' as const, chat: { ...chat, model: chat.model ?? o.endpoint.model } };
    await writeModelCalls(tx, [ledger({ status: 'ok', tokensIn: chat.tokensIn, tokensOut: chat.tokensOut, error: null })]);
    const usage: Usage = { tokensIn: chat.tokensIn, tokensOut: chat.tokensOut, latencyMs: 0, costUsd: estimateCostUsd(o.endpoint, chat.tokensIn, chat.tokensOut) * o.discount };
    try {
      const input = def.input({ ctx: { ...o.ctx, db: db2 }, claim, endpoint: () => o.endpoint });
      const output = parseSpent(usage, () => def.parse(reply, input, req.facts, o.ctx), rawBody);
      return (await runSave(db2, def.save({ claim, usage, input, facts: req.facts, output, reply }))) ? 'done' : 'superseded';
    } catch (e) {
      if (e instanceof StageFailure) return fail(e.message, e.raw ?? rawBody, e.usage ?? usage);
      if (e instanceof StageSkip) return fail(e.message, rawBody, usage);
      throw e;
    }
  });
}
