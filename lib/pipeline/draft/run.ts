import { chatComplete } from '../../models/chat';
import { loadPrompt } from '../prompts/load-prompt';
import type { Claim } from '../result/claim-result';
import { NEW_VERSION_ID_CTE, doneParams, doneResultCte, newCotVersionCte, newCotVersionParams, runSave } from '../result/save-done';
import { StageFailure, StageSkip, parseSpent, type Usage } from '../result/stage-failure';
import { representationSchema } from '../represent/schema';
import { scoreCot } from '../score-cot';
import { callModel, runEndpoint, usageOf, type StageContext } from '../stage-context';
import { parseDraft } from './parse';
import { draftMessages } from './prompt';

/** draft: representation + question → a CoT from a (text-only) reasoning model. */
export async function runDraft(ctx: StageContext, claim: Claim): Promise<{ saved: boolean; usage: Usage }> {
  const { item, video } = claim.subject;
  if (!item) throw new StageSkip('The item no longer exists');
  const rep = representationSchema.safeParse(video?.representation);
  if (!video?.representation) throw new StageFailure("The item's video has no representation yet: run represent first");
  if (!rep.success) throw new StageFailure("The item's video representation does not match the schema: run represent again");
  const endpoint = runEndpoint(ctx.settings, 'draft', claim.modelConfig);
  const prompt = loadPrompt('draft', claim.promptVersion);
  const problemType = item.problemType;
  const messages = draftMessages(prompt, { representation: rep.data, problem: item.problem, options: item.options, problemType });
  const res = await callModel(() => chatComplete(endpoint, messages, { signal: ctx.signal, ...ctx.gate('draft', claim.runId) }));
  const usage = usageOf(endpoint, res);
  const cot = parseSpent(usage, () => parseDraft(res.content));
  const score = scoreCot(cot.text, problemType, item.solution, ctx.settings.check);
  const params = { temperature: endpoint.temperature, topP: endpoint.topP, maxTokens: endpoint.maxTokens, promptSha256: prompt.sha256, attempts: res.attempts, finishReason: res.finishReason, responseModel: res.model };
  const saved = await runSave(
    ctx.db,
    `WITH ${NEW_VERSION_ID_CTE}, ${doneResultCte('(SELECT id FROM nv)')},
     ${newCotVersionCte('draft')},
     i AS (
       UPDATE item SET current_draft_id = v.id, draft_score = $14::float8, draft_correct = $15::boolean,
              cot_length = CASE WHEN item.current_revision_id IS NULL THEN $20::int ELSE item.cot_length END,
              last_error = NULL, verdict = NULL, verdict_reason = NULL, rev = item.rev + 1, updated_at = now()
         FROM v WHERE item.id = v.item_id
     )
     SELECT count(*)::int AS saved FROM r`,
    [
      ...doneParams(claim, usage, { model: endpoint.model, promptVersion: prompt.id, answer: score.answer, correct: score.answerCorrect }, null),
      ...newCotVersionParams({ text: cot.text, score, reasoning: res.reasoning, model: endpoint.model, promptVersion: prompt.id, params, raw: res.raw }),
      cot.text.length,
    ],
  );
  return { saved, usage };
}
