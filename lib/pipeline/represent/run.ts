import { chatComplete } from '../../models/chat';
import { loadPrompt } from '../prompts/load-prompt';
import type { Claim } from '../result/claim-result';
import { doneParams, doneResultCte, runSave } from '../result/save-done';
import { StageSkip, parseSpent, type Usage } from '../result/stage-failure';
import { callModel, runEndpoint, usageOf, type StageContext } from '../stage-context';
import { visualInput } from '../visual-input';
import { parseRepresentation } from './parse';
import { representMessages } from './prompt';

/** represent: one video → its representation, shared by every question on it. */
export async function runRepresent(ctx: StageContext, claim: Claim): Promise<{ saved: boolean; usage: Usage }> {
  const video = claim.subject.video;
  if (!video) throw new StageSkip('The video no longer exists');
  const endpoint = runEndpoint(ctx.settings, 'represent', claim.modelConfig);
  const prompt = loadPrompt('represent', claim.promptVersion);
  const visual = await visualInput({ mediaRoot: claim.subject.mediaRoot, remoteMediaPrefixes: claim.subject.remoteMediaPrefixes, video, frames: ctx.settings.frames, mode: endpoint.videoInput });
  const res = await callModel(() =>
    chatComplete(endpoint, representMessages(prompt, visual), { json: true, signal: ctx.signal, ...ctx.gate('represent', claim.runId) }),
  );
  const usage = usageOf(endpoint, res);
  const rep = parseSpent(usage, () => parseRepresentation(res.content, { maxFrames: visual.frameCount }));
  const data = {
    model: endpoint.model,
    responseModel: res.model,
    promptVersion: prompt.id,
    params: { temperature: endpoint.temperature, topP: endpoint.topP, maxTokens: endpoint.maxTokens, videoInput: visual.mode, frames: visual.frameCount, promptSha256: prompt.sha256 },
    finishReason: res.finishReason,
    attempts: res.attempts,
    reasoning: res.reasoning,
  };
  const saved = await runSave(
    ctx.db,
    `WITH ${doneResultCte()},
     v AS (
       UPDATE video SET representation = $9::jsonb, representation_model = $10, representation_prompt_version = $11, representation_at = now()
        WHERE id = (SELECT video_id FROM r) RETURNING id
     ),
     i AS (UPDATE item SET last_error = NULL, updated_at = now() WHERE video_id = (SELECT id FROM v) AND last_error LIKE 'represent:%')
     SELECT count(*)::int AS saved FROM r`,
    [...doneParams(claim, usage, data, res.raw), JSON.stringify(rep), endpoint.model, prompt.id],
  );
  return { saved, usage };
}
