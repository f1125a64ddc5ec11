import { sql } from 'kysely';
import { Prisma } from '@/generated/prisma/client';
import type { ClaimSubject } from '../result/claim-result';
import { doneResultCte } from '../result/save-done';
import { StageSkip } from '../result/stage-failure';
import { scoreCot, type CotScore } from '../score-cot';
import type { StageDefinition } from '../stages/stage-definition';
import { decideVerdict, type Verdict } from './verdict';

type CheckInput = Pick<ClaimSubject, 'draft' | 'revision'> & { item: NonNullable<ClaimSubject['item']> };
type CheckOutput = { ds: CotScore | null; rs: CotScore | null; consistency: number | null; verdict: Verdict };

/**
 * check: scores the draft and the revision per problem type (re-scored, so a changed setting
 * applies), and writes the filter verdict with its reason. No model involved.
 */
export const checkStage: StageDefinition<CheckInput, CheckOutput> = {
  stage: 'check',
  model: null,
  subject: 'item',
  loads: { draft: true, revision: true },
  alreadyDone: null,
  cannotRunWhen: [{ when: sql<boolean>`i.current_draft_id IS NULL AND i.current_revision_id IS NULL`, reason: 'Nothing to check: the item has no draft or revision', endsAs: 'skipped' }],

  input({ claim }) {
    const { item, draft, revision } = claim.subject;
    if (!item) throw new StageSkip('The item no longer exists');
    if (!draft && !revision) throw new StageSkip('Nothing to check: the item has no draft or revision');
    return { item, draft, revision };
  },

  async request() {
    return { request: { kind: 'none' }, facts: {} };
  },

  parse(_reply, { item, draft, revision }, _facts, ctx) {
    const ds = draft ? scoreCot(draft.text, item.problemType, item.solution, ctx.settings.check) : null;
    const rs = revision ? scoreCot(revision.text, item.problemType, item.solution, ctx.settings.check) : null;
    const final = (rs ?? ds)!;
    const finalVersion = (revision ?? draft)!;
    const consistency = finalVersion.consistencyScore ?? item.consistencyScore;
    const verdict = decideVerdict({ problemType: item.problemType, cot: final, consistencyScore: consistency }, ctx.settings.check);
    return { ds, rs, consistency, verdict };
  },

  save({ claim, usage, input: { draft, revision }, output: { ds, rs, consistency, verdict } }) {
    const summary = (s: CotScore | null) => (s ? { answer: s.answer, score: s.answerScore, correct: s.answerCorrect, formatOk: s.formatOk } : null);
    const data = { verdict: verdict.verdict, reason: verdict.reason, checked: revision ? 'revision' : 'draft', draft: summary(ds), revision: summary(rs), consistency };
    // Both versions' stored checks are refreshed in the same statement as the verdict.
    return Prisma.sql`WITH ${doneResultCte({ claim, usage, data, raw: null })},
     vd AS (
       UPDATE cot_version SET answer = ${ds?.answer ?? null}, answer_score = ${ds?.answerScore ?? null}::float8,
              answer_correct = ${ds?.answerCorrect ?? null}::boolean, format_ok = ${ds?.formatOk ?? null}::boolean
        WHERE id = ${draft?.id ?? null}::int AND EXISTS (SELECT 1 FROM r)
     ),
     vr AS (
       UPDATE cot_version SET answer = ${rs?.answer ?? null}, answer_score = ${rs?.answerScore ?? null}::float8,
              answer_correct = ${rs?.answerCorrect ?? null}::boolean, format_ok = ${rs?.formatOk ?? null}::boolean
        WHERE id = ${revision?.id ?? null}::int AND EXISTS (SELECT 1 FROM r)
     ),
     i AS (
       UPDATE item SET verdict = ${verdict.verdict}, verdict_reason = ${verdict.reason}, checked_at = now(),
              draft_score = COALESCE(${ds?.answerScore ?? null}::float8, draft_score), draft_correct = COALESCE(${ds?.answerCorrect ?? null}::boolean, draft_correct),
              revision_score = COALESCE(${rs?.answerScore ?? null}::float8, revision_score), revision_correct = COALESCE(${rs?.answerCorrect ?? null}::boolean, revision_correct),
              last_error = NULL, updated_at = now()
        WHERE id = (SELECT item_id FROM r)
     )
     SELECT count(*)::int AS saved FROM r`;
  },
};
