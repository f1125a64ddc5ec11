import { sql } from 'kysely';
import { Prisma } from '@/generated/prisma/client';
import type { ModelEndpoint } from '../../models/model-config';
import { loadPrompt, type PromptTemplate } from '../prompts/load-prompt';
import type { ClaimSubject } from '../result/claim-result';
import { NEW_VERSION_ID, NEW_VERSION_ID_CTE, doneResultCte, newCotVersionCte } from '../result/save-done';
import { StageFailure, StageSkip } from '../result/stage-failure';
import { representationSchema, type Representation } from '../represent/schema';
import { scoreCot, type CotScore } from '../score-cot';
import { chatReply, type StageDefinition } from '../stages/stage-definition';
import { parseDraft } from './parse';
import { draftMessages } from './prompt';

/** draft: representation + question → a CoT from a (text-only) reasoning model. */
type DraftInput = { item: NonNullable<ClaimSubject['item']>; representation: Representation; endpoint: ModelEndpoint; prompt: PromptTemplate };

export const draftStage: StageDefinition<DraftInput, { text: string; score: CotScore }> = {
  stage: 'draft',
  model: 'draft',
  subject: 'item',
  loads: { representation: true },
  alreadyDone: sql<boolean>`EXISTS (SELECT 1 FROM cot_version cv WHERE cv.item_id = i.id AND cv.kind = 'draft' AND cv.model = p.model AND cv.prompt_version = p.prompt)`,
  cannotRunWhen: [
    {
      when: sql<boolean>`NOT EXISTS (SELECT 1 FROM video rv WHERE rv.id = i.video_id AND jsonb_typeof(rv.representation) = 'object')`,
      reason: "The item's video has no representation yet: run represent first",
      endsAs: 'failed',
    },
  ],

  input({ claim, endpoint }) {
    const { item, video } = claim.subject;
    if (!item) throw new StageSkip('The item no longer exists');
    const rep = representationSchema.safeParse(video?.representation);
    if (!video?.representation) throw new StageFailure("The item's video has no representation yet: run represent first");
    if (!rep.success) throw new StageFailure("The item's video representation does not match the schema: run represent again");
    return { item, representation: rep.data, endpoint: endpoint(), prompt: loadPrompt('draft', claim.promptVersion) };
  },

  async request({ item, representation, prompt }) {
    const messages = draftMessages(prompt, { representation, problem: item.problem, options: item.options, problemType: item.problemType });
    return { request: { kind: 'chat', messages }, facts: {} };
  },

  parse(reply, { item }, _facts, ctx) {
    const cot = parseDraft(chatReply(reply).content);
    return { text: cot.text, score: scoreCot(cot.text, item.problemType, item.solution, ctx.settings.check) };
  },

  save({ claim, usage, input: { endpoint, prompt }, output: { text, score }, reply }) {
    const res = chatReply(reply);
    const params = { temperature: endpoint.temperature, topP: endpoint.topP, maxTokens: endpoint.maxTokens, promptSha256: prompt.sha256, attempts: res.attempts, finishReason: res.finishReason, responseModel: res.model };
    const data = { model: endpoint.model, promptVersion: prompt.id, answer: score.answer, correct: score.answerCorrect };
    return Prisma.sql`WITH ${NEW_VERSION_ID_CTE}, ${doneResultCte({ claim, usage, data, raw: null, outputVersion: NEW_VERSION_ID })},
     ${newCotVersionCte({ kind: 'draft', text, score, reasoning: res.reasoning, model: endpoint.model, promptVersion: prompt.id, params, raw: res.raw, usage })},
     i AS (
       UPDATE item SET current_draft_id = v.id, draft_score = ${score.answerScore}::float8, draft_correct = ${score.answerCorrect}::boolean,
              cot_length = CASE WHEN item.current_revision_id IS NULL THEN ${text.length}::int ELSE item.cot_length END,
              last_error = NULL, verdict = NULL, verdict_reason = NULL, rev = item.rev + 1, updated_at = now()
         FROM v WHERE item.id = v.item_id
     )
     SELECT count(*)::int AS saved FROM r`;
  },
};
