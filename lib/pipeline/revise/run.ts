import { chatComplete } from '../../models/chat';
import { extractAnswer } from '../../answers/extract';
import { loadPrompt } from '../prompts/load-prompt';
import type { Claim } from '../result/claim-result';
import { NEW_VERSION_ID_CTE, doneParams, doneResultCte, newCotVersionCte, newCotVersionParams, runSave } from '../result/save-done';
import { StageFailure, StageSkip, parseSpent, type Usage } from '../result/stage-failure';
import { scoreCot } from '../score-cot';
import { callModel, runEndpoint, usageOf, type StageContext } from '../stage-context';
import { visualInput } from '../visual-input';
import { parseRevision } from './parse';
import { reviseMessages } from './prompt';

/** revise: frames + question + draft → the draft corrected against what the video shows. */
export async function runRevise(ctx: StageContext, claim: Claim): Promise<{ saved: boolean; usage: Usage }> {
  const { item, draft } = claim.subject;
  if (!item) throw new StageSkip('The item no longer exists');
  if (!draft) throw new StageFailure('The item has no draft to revise: run draft first');
  const endpoint = runEndpoint(ctx.settings, 'revise', claim.modelConfig);
  const prompt = loadPrompt('revise', claim.promptVersion);
  const video = claim.subject.video ?? { path: item.path, durationSec: null, dataType: item.dataType };
  const visual = await visualInput({ mediaRoot: claim.subject.mediaRoot, remoteMediaPrefixes: claim.subject.remoteMediaPrefixes, video, frames: ctx.settings.frames, mode: endpoint.videoInput });
  const messages = reviseMessages(prompt, { visual, problem: item.problem, options: item.options, draftText: draft.text });
  const res = await callModel(() => chatComplete(endpoint, messages, { signal: ctx.signal, ...ctx.gate('revise', claim.runId) }));
  const usage = usageOf(endpoint, res);
  const draftAnswer = draft.answer ?? (extractAnswer(draft.text) || null);
  const rev = parseSpent(usage, () => parseRevision(res.content, draftAnswer));
  const problemType = item.problemType;
  const score = scoreCot(rev.text, problemType, item.solution, ctx.settings.check);
  const params = {
    temperature: endpoint.temperature,
    topP: endpoint.topP,
    maxTokens: endpoint.maxTokens,
    videoInput: visual.mode,
    frames: visual.frameCount,
    promptSha256: prompt.sha256,
    attempts: res.attempts,
    finishReason: res.finishReason,
    responseModel: res.model,
  };
  const saved = await runSave(
    ctx.db,
    `WITH ${NEW_VERSION_ID_CTE}, ${doneResultCte('(SELECT id FROM nv)')},
     ${newCotVersionCte('revision', '$20')},
     i AS (
       UPDATE item SET current_revision_id = v.id, revision_score = $14::float8, revision_correct = $15::boolean, cot_length = $21::int,
              last_error = NULL, verdict = NULL, verdict_reason = NULL, rev = item.rev + 1, updated_at = now()
         FROM v WHERE item.id = v.item_id
     )
     SELECT count(*)::int AS saved FROM r`,
    [
      ...doneParams(claim, usage, { model: endpoint.model, promptVersion: prompt.id, draftVersionId: draft.id, answer: score.answer, correct: score.answerCorrect }, null),
      ...newCotVersionParams({ text: rev.text, score, reasoning: res.reasoning, model: endpoint.model, promptVersion: prompt.id, params, raw: res.raw }),
      draft.id,
      rev.text.length,
    ],
  );
  return { saved, usage };
}
