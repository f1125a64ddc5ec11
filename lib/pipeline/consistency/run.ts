import { extractThink } from '../../answers/extract';
import { cosine, embedImage, embedText } from '../../models/embed';
import { estimateCostUsd } from '../../models/model-config';
import { uniformFrames } from '../frames/frame-cache';
import { jpegDataUrl } from '../frames/sample-frames';
import type { Claim } from '../result/claim-result';
import { doneParams, doneResultCte, runSave } from '../result/save-done';
import { StageFailure, StageSkip, type Usage } from '../result/stage-failure';
import { callModel, runEndpoint, type StageContext } from '../stage-context';
import { resolveClip } from '../visual-input';
import { consistencyScore, consistencyText } from './score';

/** consistency: how well the CoT's reasoning matches the video's frames (embedding similarity). */
export async function runConsistency(ctx: StageContext, claim: Claim): Promise<{ saved: boolean; usage: Usage }> {
  const { item, video } = claim.subject;
  if (!item) throw new StageSkip('The item no longer exists');
  const version = claim.subject.revision ?? claim.subject.draft;
  if (!version) throw new StageSkip('Nothing to score: the item has no draft or revision');
  const think = extractThink(version.text);
  if (!think) throw new StageFailure('The CoT has no <think> block to score');
  const endpoint = runEndpoint(ctx.settings, 'consistency', claim.modelConfig);

  const clip = await resolveClip(claim.subject.mediaRoot, video?.path ?? item.path, claim.subject.remoteMediaPrefixes);
  let frames;
  try {
    frames = await uniformFrames(clip, video?.durationSec ?? null, ctx.settings.consistencyFrames, ctx.settings.frames.maxSide);
  } catch (e) {
    throw new StageFailure(`Could not sample frames: ${(e as Error).message.split('\n')[0]}`);
  }
  const hooks = { signal: ctx.signal, ...ctx.gate('consistency', claim.runId) };
  const text = consistencyText(think);
  let tokensIn = 0;
  let latencyMs = 0;
  // One request at a time: the job holds one of the endpoint's concurrency slots.
  const t = await callModel(() => embedText(endpoint, text, hooks));
  tokensIn += t.tokensIn;
  latencyMs += t.latencyMs;
  const cosines: number[] = [];
  for (const jpeg of frames.jpegs) {
    const f = await callModel(() => embedImage(endpoint, jpegDataUrl(jpeg), hooks));
    tokensIn += f.tokensIn;
    latencyMs += f.latencyMs;
    cosines.push(cosine(t.vectors[0]!, f.vectors[0]!));
  }
  const score = consistencyScore(cosines);
  const usage: Usage = { tokensIn, tokensOut: 0, latencyMs, costUsd: estimateCostUsd(endpoint, tokensIn, 0) };
  const data = { model: endpoint.model, versionId: version.id, score, frames: frames.jpegs.length, cosines: cosines.map((c) => Math.round(c * 1e4) / 1e4), text };
  const saved = await runSave(
    ctx.db,
    `WITH ${doneResultCte()},
     v AS (UPDATE cot_version SET consistency_score = $9::float8, consistency_model = $10 WHERE id = $11::int AND EXISTS (SELECT 1 FROM r)),
     i AS (
       UPDATE item SET consistency_score = $9::float8, verdict = NULL, verdict_reason = NULL, last_error = NULL, updated_at = now()
        WHERE id = (SELECT item_id FROM r)
     )
     SELECT count(*)::int AS saved FROM r`,
    [...doneParams(claim, usage, data, null), score, endpoint.model, version.id],
  );
  return { saved, usage };
}
