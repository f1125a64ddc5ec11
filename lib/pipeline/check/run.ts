import type { Claim } from '../result/claim-result';
import { doneParams, doneResultCte, runSave } from '../result/save-done';
import { NO_USAGE, StageSkip, type Usage } from '../result/stage-failure';
import { scoreCot } from '../score-cot';
import type { StageContext } from '../stage-context';
import { decideVerdict } from './verdict';

/**
 * check: scores the draft and the revision per problem type (re-scored, so a changed setting
 * applies), and writes the filter verdict with its reason. No model involved.
 */
export async function runCheck(ctx: StageContext, claim: Claim): Promise<{ saved: boolean; usage: Usage }> {
  const { item, draft, revision } = claim.subject;
  if (!item) throw new StageSkip('The item no longer exists');
  if (!draft && !revision) throw new StageSkip('Nothing to check: the item has no draft or revision');

  const problemType = item.problemType;
  const ds = draft ? scoreCot(draft.text, problemType, item.solution, ctx.settings.check) : null;
  const rs = revision ? scoreCot(revision.text, problemType, item.solution, ctx.settings.check) : null;
  const final = (rs ?? ds)!;
  const finalVersion = (revision ?? draft)!;
  const consistency = finalVersion.consistencyScore ?? item.consistencyScore;
  const v = decideVerdict({ problemType, cot: final, consistencyScore: consistency }, ctx.settings.check);

  const summary = (s: typeof ds) => (s ? { answer: s.answer, score: s.answerScore, correct: s.answerCorrect, formatOk: s.formatOk } : null);
  const data = { verdict: v.verdict, reason: v.reason, checked: revision ? 'revision' : 'draft', draft: summary(ds), revision: summary(rs), consistency };
  // Both versions' stored checks are refreshed in the same statement as the verdict.
  const saved = await runSave(
    ctx.db,
    `WITH ${doneResultCte()},
     vd AS (
       UPDATE cot_version SET answer = $9, answer_score = $10::float8, answer_correct = $11::boolean, format_ok = $12::boolean
        WHERE id = $13::int AND EXISTS (SELECT 1 FROM r)
     ),
     vr AS (
       UPDATE cot_version SET answer = $14, answer_score = $15::float8, answer_correct = $16::boolean, format_ok = $17::boolean
        WHERE id = $18::int AND EXISTS (SELECT 1 FROM r)
     ),
     i AS (
       UPDATE item SET verdict = $19, verdict_reason = $20, checked_at = now(),
              draft_score = COALESCE($10::float8, draft_score), draft_correct = COALESCE($11::boolean, draft_correct),
              revision_score = COALESCE($15::float8, revision_score), revision_correct = COALESCE($16::boolean, revision_correct),
              last_error = NULL, updated_at = now()
        WHERE id = (SELECT item_id FROM r)
     )
     SELECT count(*)::int AS saved FROM r`,
    [
      ...doneParams(claim, NO_USAGE, data, null),
      ds?.answer ?? null,
      ds?.answerScore ?? null,
      ds?.answerCorrect ?? null,
      ds?.formatOk ?? null,
      draft?.id ?? null,
      rs?.answer ?? null,
      rs?.answerScore ?? null,
      rs?.answerCorrect ?? null,
      rs?.formatOk ?? null,
      revision?.id ?? null,
      v.verdict,
      v.reason,
    ],
  );
  return { saved, usage: NO_USAGE };
}
