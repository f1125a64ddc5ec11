import { Prisma } from '@/generated/prisma/client';
import type { Claim } from '../result/claim-result';
import { doneResultCte } from '../result/save-done';
import type { Usage } from '../result/stage-failure';
import type { SampleSummary } from './sampled-answers';

/** The done result and the item's columns for one stage's k answers, in one statement. */
export function saveSamplesSql(opts: { claim: Claim; usage: Usage; summary: SampleSummary; model: string; prefix: 'rollout' | 'blind'; answerable?: boolean }): Prisma.Sql {
  const { summary: s } = opts;
  const data = { model: opts.model, k: s.k, pass: s.pass, passRate: s.passRate, meanScore: s.meanScore, ...(opts.answerable !== undefined ? { answerable: opts.answerable } : {}) };
  const answers = JSON.stringify(s.answers);
  const set =
    opts.prefix === 'rollout'
      ? Prisma.sql`rollout_k = ${s.k}::int, rollout_pass = ${s.pass}::int, pass_rate = ${s.passRate}::float8, rollout_mean_score = ${s.meanScore}::float8,
                   rollout_model = ${opts.model}, rollout_answers = ${answers}::jsonb`
      : Prisma.sql`blind_k = ${s.k}::int, blind_pass = ${s.pass}::int, blind_answerable = ${opts.answerable ?? false}::boolean,
                   blind_model = ${opts.model}, blind_answers = ${answers}::jsonb`;
  // Not review state: rev stays (an open review page is not made stale by a rollout).
  return Prisma.sql`WITH ${doneResultCte({ claim: opts.claim, usage: opts.usage, data, raw: null })},
     i AS (UPDATE item SET ${set}, last_error = NULL FROM r WHERE item.id = r.item_id)
     SELECT count(*)::int AS saved FROM r`;
}
