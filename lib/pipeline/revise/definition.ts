import { sql } from 'kysely';
import { Prisma } from '@/generated/prisma/client';
import { extractAnswer } from '../../answers/extract';
import type { ModelEndpoint } from '../../models/model-config';
import { loadPrompt, type PromptTemplate } from '../prompts/load-prompt';
import type { ClaimSubject } from '../result/claim-result';
import { NEW_VERSION_ID, NEW_VERSION_ID_CTE, doneResultCte, newCotVersionCte } from '../result/save-done';
import { StageFailure, StageSkip } from '../result/stage-failure';
import { scoreCot, type CotScore } from '../score-cot';
import { chatReply, type StageDefinition } from '../stages/stage-definition';
import { visualInput } from '../visual-input';
import { parseRevision } from './parse';
import { reviseMessages } from './prompt';

type ReviseInput = {
  item: NonNullable<ClaimSubject['item']>;
  draft: NonNullable<ClaimSubject['draft']>;
  video: { path: string; durationSec: number | null; dataType: 'video' | 'image' };
  mediaRoot: string;
  remoteMediaPrefixes: readonly string[];
  endpoint: ModelEndpoint;
  prompt: PromptTemplate;
};

/** revise: frames + question + draft → the draft corrected against what the video shows. */
export const reviseStage: StageDefinition<ReviseInput, { text: string; score: CotScore }> = {
  stage: 'revise',
  model: 'revise',
  subject: 'item',
  loads: { draft: true },
  alreadyDone: sql<boolean>`EXISTS (SELECT 1 FROM cot_version cv WHERE cv.item_id = i.id AND cv.kind = 'revision' AND cv.model = p.model AND cv.prompt_version = p.prompt)`,
  cannotRunWhen: [{ when: sql<boolean>`i.current_draft_id IS NULL`, reason: 'The item has no draft to revise: run draft first', endsAs: 'failed' }],

  input({ claim, endpoint }) {
    const { item, draft } = claim.subject;
    if (!item) throw new StageSkip('The item no longer exists');
    if (!draft) throw new StageFailure('The item has no draft to revise: run draft first');
    const video = claim.subject.video ?? { path: item.path, durationSec: null, dataType: item.dataType };
    return { item, draft, video, mediaRoot: claim.subject.mediaRoot, remoteMediaPrefixes: claim.subject.remoteMediaPrefixes, endpoint: endpoint(), prompt: loadPrompt('revise', claim.promptVersion) };
  },

  async request({ item, draft, video, mediaRoot, remoteMediaPrefixes, endpoint, prompt }, ctx) {
    const visual = await visualInput({ mediaRoot, remoteMediaPrefixes, video, frames: ctx.settings.frames, mode: endpoint.videoInput });
    const messages = reviseMessages(prompt, { visual, problem: item.problem, options: item.options, draftText: draft.text });
    return { request: { kind: 'chat', messages }, facts: { videoInput: visual.mode, frames: visual.frameCount } };
  },

  parse(reply, { item, draft }, _facts, ctx) {
    // The answer is the draft's: revision keeps the conclusion (DOMAIN.md).
    const draftAnswer = draft.answer ?? (extractAnswer(draft.text) || null);
    const rev = parseRevision(chatReply(reply).content, draftAnswer);
    return { text: rev.text, score: scoreCot(rev.text, item.problemType, item.solution, ctx.settings.check) };
  },

  save({ claim, usage, input: { draft, endpoint, prompt }, facts, output: { text, score }, reply }) {
    const res = chatReply(reply);
    const params = {
      temperature: endpoint.temperature,
      topP: endpoint.topP,
      maxTokens: endpoint.maxTokens,
      videoInput: facts.videoInput,
      frames: facts.frames,
      promptSha256: prompt.sha256,
      attempts: res.attempts,
      finishReason: res.finishReason,
      responseModel: res.model,
    };
    const data = { model: endpoint.model, promptVersion: prompt.id, draftVersionId: draft.id, answer: score.answer, correct: score.answerCorrect };
    return Prisma.sql`WITH ${NEW_VERSION_ID_CTE}, ${doneResultCte({ claim, usage, data, raw: null, outputVersion: NEW_VERSION_ID })},
     ${newCotVersionCte({ kind: 'revision', text, score, reasoning: res.reasoning, model: endpoint.model, promptVersion: prompt.id, params, raw: res.raw, usage, parentVersionId: draft.id })},
     i AS (
       UPDATE item SET current_revision_id = v.id, revision_score = ${score.answerScore}::float8, revision_correct = ${score.answerCorrect}::boolean,
              cot_length = ${text.length}::int, last_error = NULL, verdict = NULL, verdict_reason = NULL, rev = item.rev + 1, updated_at = now()
         FROM v WHERE item.id = v.item_id
     )
     SELECT count(*)::int AS saved FROM r`;
  },
};
