import { sql, type RawBuilder } from 'kysely';
import { Prisma } from '@/generated/prisma/client';
import { config } from '../config';
import { OPEN_ENDED_TYPES } from './answer-check-rule';

// The SQL twin of answerCheckFails (lib/answers/answer-check-rule.ts) for set-based paths, and
// the threshold every path reads.

/** COT_CHECK_OPEN_ENDED_MIN_SCORE (default 0.5). */
export function openEndedMinScore(): number {
  return config().pipeline.check.openEndedMinScore;
}

const OPEN_ENDED_LIST = OPEN_ENDED_TYPES.map((t) => `'${t}'`).join(', ');

/**
 * SQL text: true when the version's answer check fails. `problemType` is an expression of the
 * "ProblemType" enum, `score`/`correct` the version's answer_score/answer_correct columns, `min`
 * a parameter or literal. A version never checked (NULLs) does not fail, as in answerOutcome.
 */
export function answerCheckFailsText(problemType: string, score: string, correct: string, min: string): string {
  return `COALESCE(CASE WHEN ${problemType}::text IN (${OPEN_ENDED_LIST})
                        THEN CASE WHEN ${score} IS NULL THEN ${correct} = false ELSE ${correct} IS NOT TRUE AND ${score} < ${min} END
                        ELSE ${correct} = false END, false)`;
}

/** Kysely form: the same test over column references, the threshold bound as a value. */
export function answerCheckFailsExpr(problemType: string, score: string, correct: string, min: number): RawBuilder<boolean> {
  const [pt, sc, co] = [sql.ref(problemType), sql.ref(score), sql.ref(correct)];
  const m = sql`${min}::float8`;
  return sql<boolean>`COALESCE(CASE WHEN ${pt}::text IN (${sql.join(OPEN_ENDED_TYPES.map((t) => sql.lit(t)))})
                        THEN CASE WHEN ${sc} IS NULL THEN ${co} = false ELSE ${co} IS NOT TRUE AND ${sc} < ${m} END
                        ELSE ${co} = false END, false)`;
}

/** Prisma.Sql form over version alias `c` and item alias `i` (the threshold bound as a parameter). */
export function answerCheckFailsSql(c = 'c', i = 'i', min = openEndedMinScore()): Prisma.Sql {
  // The threshold is a number from validated config, so it is safe as a literal.
  return Prisma.sql`(${Prisma.raw(answerCheckFailsText(`${i}.problem_type`, `${c}.answer_score`, `${c}.answer_correct`, `${Number(min)}::float8`))})`;
}
