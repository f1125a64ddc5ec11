import type { CotScore } from '../score-cot';
import type { PrismaClient } from '@/generated/prisma/client';
import type { Claim } from './claim-result';
import type { Usage } from './stage-failure';

/**
 * The "done" transition of a result, as the first CTE of a stage's save statement: the
 * stage's writes select FROM r, so they happen only when this attempt still owns the result,
 * and all of it commits as one statement (no duplicate output from a retried job, nothing
 * half-written). Parameters $1–$8 are doneParams(); a stage's own start at $9.
 */
export function doneResultCte(outputVersionExpr = 'NULL'): string {
  return `r AS (
    UPDATE stage_result SET status = 'done', finished_at = now(), error = NULL, raw_output = $8,
           output_version_id = ${outputVersionExpr},
           tokens_in = $3::int, tokens_out = $4::int, latency_ms = $5::int, cost_usd = $6::float8, data = $7::jsonb
     WHERE id = $1::int AND status = 'running' AND attempts = $2::int
     RETURNING run_id, item_id, video_id)`;
}

export function doneParams(claim: Claim, usage: Usage, data: unknown, raw: string | null): unknown[] {
  return [claim.resultId, claim.attempt, usage.tokensIn, usage.tokensOut, usage.latencyMs, usage.costUsd, JSON.stringify(data ?? {}), raw];
}

export async function runSave(db: PrismaClient, sql: string, params: unknown[]): Promise<boolean> {
  const rows = await db.$queryRawUnsafe<{ saved: number }[]>(sql, ...params);
  return (rows[0]?.saved ?? 0) > 0;
}

/** Allocates a cot_version id up front, so the result can point at the version it creates. */
export const NEW_VERSION_ID_CTE = `nv AS (SELECT nextval(pg_get_serial_sequence('cot_version', 'id'))::int AS id)`;

/** A reply body as JSON for cot_version.raw_output (the text itself when it is not JSON). */
export function rawAsJson(raw: string): string {
  try {
    JSON.parse(raw);
    return raw;
  } catch {
    return JSON.stringify(raw);
  }
}

/**
 * The CTE `v` that writes a model's CoT as a new version (draft or revision), with its parameters
 * as $9…$19 after doneParams' $1…$8; `parentParam` adds parent_version_id as that parameter.
 */
export function newCotVersionCte(kind: 'draft' | 'revision', parentParam?: string): string {
  return `v AS (
       INSERT INTO cot_version (id, item_id, kind, text, think, answer, reasoning_content, format_ok, answer_score, answer_correct,
                                model, prompt_version, params, tokens_in, tokens_out, latency_ms, cost_usd, raw_output${parentParam ? ', parent_version_id' : ''}, run_id)
       SELECT (SELECT id FROM nv), r.item_id, '${kind}', $9, $10, $11, $12, $13::boolean, $14::float8, $15::boolean,
              $16, $17, $18::jsonb, $3::int, $4::int, $5::int, $6::float8, $19::jsonb${parentParam ? `, ${parentParam}::int` : ''}, r.run_id
         FROM r
       RETURNING id, item_id
     )`;
}

/** $9…$19 of newCotVersionCte. */
export function newCotVersionParams(v: { text: string; score: CotScore; reasoning: string | null; model: string; promptVersion: string; params: object; raw: string }): unknown[] {
  const { score } = v;
  return [v.text, score.think, score.answer, v.reasoning, score.formatOk, score.answerScore, score.answerCorrect, v.model, v.promptVersion, JSON.stringify(v.params), rawAsJson(v.raw)];
}
