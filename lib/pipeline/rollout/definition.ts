import { sql } from 'kysely';
import type { ModelEndpoint } from '../../models/model-config';
import type { ClaimSubject } from '../result/claim-result';
import { StageSkip } from '../result/stage-failure';
import { chatSamples, type StageDefinition } from '../stages/stage-definition';
import { visualInput } from '../visual-input';
import { scoreSamples, type SampleSummary } from './sampled-answers';
import { saveSamplesSql } from './sample-summary-sql';
import { trainerQuestion } from './trainer-question';

type RolloutInput = {
  item: NonNullable<ClaimSubject['item']>;
  video: { path: string; durationSec: number | null; dataType: 'video' | 'image' };
  mediaRoot: string;
  endpoint: ModelEndpoint;
};

/**
 * rollout: the policy model answers the question k times (frames + the trainers' question
 * template, the run's temperature); each answer is scored with the answer check. The pass rate
 * measures difficulty: always right or always wrong items teach an RL trainer nothing
 * (LongVILA-R1, GRESO).
 */
export const rolloutStage: StageDefinition<RolloutInput, SampleSummary> = {
  stage: 'rollout',
  model: 'rollout',
  subject: 'item',
  loads: {},
  alreadyDone: sql<boolean>`i.pass_rate IS NOT NULL AND i.rollout_model = p.model`,

  input({ claim, endpoint }) {
    const { item } = claim.subject;
    if (!item) throw new StageSkip('The item no longer exists');
    const video = claim.subject.video ?? { path: item.path, durationSec: null, dataType: item.dataType };
    return { item, video, mediaRoot: claim.subject.mediaRoot, endpoint: endpoint() };
  },

  async request({ item, video, mediaRoot, endpoint }, ctx) {
    const visual = await visualInput({ mediaRoot, video, frames: ctx.settings.frames, mode: endpoint.videoInput });
    const text = trainerQuestion({ problem: item.problem, options: item.options, problemType: item.problemType });
    return {
      request: { kind: 'chat-samples', messages: [{ role: 'user', content: [...visual.parts, { type: 'text', text }] }], count: ctx.settings.rlPool.rolloutK },
      facts: { frames: visual.frameCount, videoInput: visual.mode },
    };
  },

  parse(reply, { item }, _facts, ctx) {
    return scoreSamples(chatSamples(reply), item, ctx.settings.check, ctx.settings.rlPool.keepTexts);
  },

  save({ claim, usage, input: { endpoint }, output }) {
    return saveSamplesSql({ claim, usage, summary: output, model: endpoint.model, prefix: 'rollout' });
  },
};
