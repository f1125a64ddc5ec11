import { sql } from 'kysely';
import type { ModelEndpoint } from '../../models/model-config';
import type { ClaimSubject } from '../result/claim-result';
import { StageSkip } from '../result/stage-failure';
import { scoreSamples, type SampleSummary } from '../rollout/sampled-answers';
import { saveSamplesSql } from '../rollout/sample-summary-sql';
import { trainerQuestion } from '../rollout/trainer-question';
import { chatSamples, type StageDefinition } from '../stages/stage-definition';

type BlindInput = { item: NonNullable<ClaimSubject['item']>; endpoint: ModelEndpoint };

/**
 * blind: a text-only model answers the question and its options k times without the video. An
 * item it answers right often enough (COT_BLIND_MIN_PASS_RATE) is answerable without the
 * video: a shortcut the RL reward would pay for without any use of the video (Video-R2).
 */
export const blindStage: StageDefinition<BlindInput, SampleSummary & { answerable: boolean }> = {
  stage: 'blind',
  model: 'blind',
  subject: 'item',
  loads: {},
  alreadyDone: sql<boolean>`i.blind_answerable IS NOT NULL AND i.blind_model = p.model`,

  input({ claim, endpoint }) {
    const { item } = claim.subject;
    if (!item) throw new StageSkip('The item no longer exists');
    return { item, endpoint: endpoint() };
  },

  async request({ item }, ctx) {
    const text = trainerQuestion({ problem: item.problem, options: item.options, problemType: item.problemType });
    return { request: { kind: 'chat-samples', messages: [{ role: 'user', content: text }], count: ctx.settings.rlPool.blindK }, facts: {} };
  },

  parse(reply, { item }, _facts, ctx) {
    const s = scoreSamples(chatSamples(reply), item, ctx.settings.check, ctx.settings.rlPool.keepTexts);
    return { ...s, answerable: s.passRate >= ctx.settings.rlPool.blindMinPassRate };
  },

  save({ claim, usage, input: { endpoint }, output }) {
    return saveSamplesSql({ claim, usage, summary: output, model: endpoint.model, prefix: 'blind', answerable: output.answerable });
  },
};
