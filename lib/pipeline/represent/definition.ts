import { sql } from 'kysely';
import { Prisma } from '@/generated/prisma/client';
import type { ModelEndpoint } from '../../models/model-config';
import { loadPrompt, type PromptTemplate } from '../prompts/load-prompt';
import type { ClaimSubject } from '../result/claim-result';
import { doneResultCte } from '../result/save-done';
import { StageSkip } from '../result/stage-failure';
import { chatReply, type StageDefinition } from '../stages/stage-definition';
import { visualInput } from '../visual-input';
import { parseRepresentation } from './parse';
import { representMessages } from './prompt';
import type { Representation } from './schema';

type RepresentInput = { video: NonNullable<ClaimSubject['video']>; mediaRoot: string; remoteMediaPrefixes: readonly string[]; endpoint: ModelEndpoint; prompt: PromptTemplate };

/** represent: one video → its representation, shared by every question on it. */
export const representStage: StageDefinition<RepresentInput, Representation> = {
  stage: 'represent',
  model: 'represent',
  subject: 'video',
  loads: {},
  alreadyDone: sql<boolean>`v.representation IS NOT NULL AND v.representation_model = p.model AND v.representation_prompt_version = p.prompt`,

  input({ claim, endpoint }) {
    const video = claim.subject.video;
    if (!video) throw new StageSkip('The video no longer exists');
    return { video, mediaRoot: claim.subject.mediaRoot, remoteMediaPrefixes: claim.subject.remoteMediaPrefixes, endpoint: endpoint(), prompt: loadPrompt('represent', claim.promptVersion) };
  },

  async request({ video, mediaRoot, remoteMediaPrefixes, endpoint, prompt }, ctx) {
    const visual = await visualInput({ mediaRoot, remoteMediaPrefixes, video, frames: ctx.settings.frames, mode: endpoint.videoInput });
    return { request: { kind: 'chat', messages: representMessages(prompt, visual), json: true }, facts: { videoInput: visual.mode, frames: visual.frameCount } };
  },

  parse(reply, _input, facts) {
    return parseRepresentation(chatReply(reply).content, { maxFrames: Number(facts.frames) });
  },

  save({ claim, usage, input: { endpoint, prompt }, facts, output, reply }) {
    const res = chatReply(reply);
    const data = {
      model: endpoint.model,
      responseModel: res.model,
      promptVersion: prompt.id,
      params: { temperature: endpoint.temperature, topP: endpoint.topP, maxTokens: endpoint.maxTokens, videoInput: facts.videoInput, frames: facts.frames, promptSha256: prompt.sha256 },
      finishReason: res.finishReason,
      attempts: res.attempts,
      reasoning: res.reasoning,
    };
    return Prisma.sql`WITH ${doneResultCte({ claim, usage, data, raw: res.raw })},
     v AS (
       UPDATE video SET representation = ${JSON.stringify(output)}::jsonb, representation_model = ${endpoint.model},
              representation_prompt_version = ${prompt.id}, representation_at = now()
        WHERE id = (SELECT video_id FROM r) RETURNING id
     ),
     i AS (UPDATE item SET last_error = NULL, updated_at = now() WHERE video_id = (SELECT id FROM v) AND last_error LIKE 'represent:%')
     SELECT count(*)::int AS saved FROM r`;
  },
};
