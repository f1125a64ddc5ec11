import { Prisma, type PrismaClient } from '@/generated/prisma/client';
import type { CotScore } from '../score-cot';
import type { Claim } from './claim-result';
import type { Usage } from './stage-failure';

// The pieces every result saver is built from, as tagged SQL: each value sits where it is used
// (no parameter numbers shared between files), and a fragment carries its own values.

/**
 * The "done" transition of a result, as the first CTE (`r`) of a stage's save statement: the
 * stage's writes select FROM r, so they happen only when this attempt still owns the result,
 * and all of it commits as one statement (no duplicate output from a retried job, nothing
 * half-written).
 */
export function doneResultCte(o: { claim: Claim; usage: Usage; data: unknown; raw: string | null; outputVersion?: Prisma.Sql }): Prisma.Sql {
  const { claim, usage } = o;
  return Prisma.sql`r AS (
    UPDATE stage_result SET status = 'done', finished_at = now(), error = NULL, raw_output = ${o.raw},
           output_version_id = ${o.outputVersion ?? Prisma.sql`NULL`},
           tokens_in = ${usage.tokensIn}::int, tokens_out = ${usage.tokensOut}::int, latency_ms = ${usage.latencyMs}::int,
           cost_usd = ${usage.costUsd}::float8, data = ${JSON.stringify(o.data ?? {})}::jsonb
     WHERE id = ${claim.resultId}::int AND status = 'running' AND attempts = ${claim.attempt}::int
     RETURNING run_id, item_id, video_id)`;
}

/** Runs a save statement (it ends with `SELECT count(*)::int AS saved FROM r`): true when this
 * attempt's output was written. */
export async function runSave(db: PrismaClient, statement: Prisma.Sql): Promise<boolean> {
  const rows = await db.$queryRaw<{ saved: number }[]>(statement);
  return (rows[0]?.saved ?? 0) > 0;
}

/** Allocates a cot_version id up front, so the result can point at the version it creates. */
export const NEW_VERSION_ID_CTE = Prisma.sql`nv AS (SELECT nextval(pg_get_serial_sequence('cot_version', 'id'))::int AS id)`;

/** The version NEW_VERSION_ID_CTE allocated, for doneResultCte's outputVersion. */
export const NEW_VERSION_ID = Prisma.sql`(SELECT id FROM nv)`;

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
 * The CTE `v` that writes a model's CoT as a new version (draft or revision) with the id
 * NEW_VERSION_ID_CTE allocated; returns `id, item_id`.
 */
export function newCotVersionCte(v: {
  kind: 'draft' | 'revision';
  text: string;
  score: CotScore;
  reasoning: string | null;
  model: string;
  promptVersion: string;
  params: object;
  raw: string;
  usage: Usage;
  parentVersionId?: number;
}): Prisma.Sql {
  const { score, usage } = v;
  const parent = v.parentVersionId === undefined ? Prisma.empty : Prisma.sql`, parent_version_id`;
  const parentValue = v.parentVersionId === undefined ? Prisma.empty : Prisma.sql`, ${v.parentVersionId}::int`;
  return Prisma.sql`v AS (
       INSERT INTO cot_version (id, item_id, kind, text, think, answer, reasoning_content, format_ok, answer_score, answer_correct,
                                model, prompt_version, params, tokens_in, tokens_out, latency_ms, cost_usd, raw_output${parent}, run_id)
       SELECT (SELECT id FROM nv), r.item_id, ${v.kind}::"CotKind", ${v.text}, ${score.think}, ${score.answer}, ${v.reasoning}, ${score.formatOk}::boolean,
              ${score.answerScore}::float8, ${score.answerCorrect}::boolean, ${v.model}, ${v.promptVersion}, ${JSON.stringify(v.params)}::jsonb,
              ${usage.tokensIn}::int, ${usage.tokensOut}::int, ${usage.latencyMs}::int, ${usage.costUsd}::float8, ${rawAsJson(v.raw)}::jsonb${parentValue}, r.run_id
         FROM r
       RETURNING id, item_id
     )`;
}
