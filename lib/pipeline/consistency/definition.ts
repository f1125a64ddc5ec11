import { sql } from 'kysely';
import { Prisma } from '@/generated/prisma/client';
import { extractThink } from '../../answers/extract';
import { cosine } from '../../models/embed';
import type { ModelEndpoint } from '../../models/model-config';
import { uniformFrames } from '../../frames/frame-cache';
import { jpegDataUrl } from '../../frames/sample-frames';
import type { ClaimSubject } from '../result/claim-result';
import { doneResultCte } from '../result/save-done';
import { StageFailure, StageSkip } from '../result/stage-failure';
import { embeddingReplies, type StageDefinition } from '../stages/stage-definition';
import { resolveClip } from '../visual-input';
import { consistencyScore, consistencyText } from './score';

type ConsistencyInput = {
  item: NonNullable<ClaimSubject['item']>;
  video: ClaimSubject['video'];
  version: NonNullable<ClaimSubject['draft']>;
  text: string;
  mediaRoot: string;
  remoteMediaPrefixes: readonly string[];
  endpoint: ModelEndpoint;
};

/** consistency: how well the CoT's reasoning matches the video's frames (embedding similarity). */
export const consistencyStage: StageDefinition<ConsistencyInput, { score: number; cosines: number[] }> = {
  stage: 'consistency',
  model: 'consistency',
  endpointOptional: true,
  subject: 'item',
  loads: { draft: true, revision: true },
  alreadyDone: sql<boolean>`EXISTS (SELECT 1 FROM cot_version cv WHERE cv.id = COALESCE(i.current_revision_id, i.current_draft_id) AND cv.consistency_model = p.model)`,
  cannotRunWhen: [
    { when: sql<boolean>`i.current_draft_id IS NULL AND i.current_revision_id IS NULL`, reason: 'Nothing to score: the item has no draft or revision', endsAs: 'skipped' },
  ],

  input({ claim, endpoint }) {
    const { item, video } = claim.subject;
    if (!item) throw new StageSkip('The item no longer exists');
    const version = claim.subject.revision ?? claim.subject.draft;
    if (!version) throw new StageSkip('Nothing to score: the item has no draft or revision');
    const think = extractThink(version.text);
    if (!think) throw new StageFailure('The CoT has no <think> block to score');
    return { item, video, version, text: consistencyText(think), mediaRoot: claim.subject.mediaRoot, remoteMediaPrefixes: claim.subject.remoteMediaPrefixes, endpoint: endpoint() };
  },

  async request({ item, video, text, mediaRoot, remoteMediaPrefixes }, ctx) {
    const clip = await resolveClip(mediaRoot, video?.path ?? item.path, remoteMediaPrefixes);
    let frames;
    try {
      frames = await uniformFrames(clip, video?.durationSec ?? null, ctx.settings.consistencyFrames, ctx.settings.frames.maxSide);
    } catch (e) {
      throw new StageFailure(`Could not sample frames: ${(e as Error).message.split('\n')[0]}`);
    }
    // One request at a time (the runner sends them in order): the job holds one of the
    // endpoint's concurrency slots.
    const inputs = [{ kind: 'text' as const, text }, ...frames.jpegs.map((jpeg) => ({ kind: 'image' as const, dataUrl: jpegDataUrl(jpeg) }))];
    return { request: { kind: 'embeddings', inputs }, facts: {} };
  },

  parse(reply) {
    const [t, ...frames] = embeddingReplies(reply);
    const cosines = frames.map((f) => cosine(t!.vectors[0]!, f.vectors[0]!));
    return { score: consistencyScore(cosines), cosines };
  },

  save({ claim, usage, input: { version, text, endpoint }, output: { score, cosines } }) {
    const data = { model: endpoint.model, versionId: version.id, score, frames: cosines.length, cosines: cosines.map((c) => Math.round(c * 1e4) / 1e4), text };
    return Prisma.sql`WITH ${doneResultCte({ claim, usage, data, raw: null })},
     v AS (
       UPDATE cot_version SET consistency_score = ${score}::float8, consistency_model = ${endpoint.model}
        WHERE id = ${version.id}::int AND EXISTS (SELECT 1 FROM r)
     ),
     i AS (
       UPDATE item SET consistency_score = ${score}::float8, verdict = NULL, verdict_reason = NULL, last_error = NULL, updated_at = now()
        WHERE id = (SELECT item_id FROM r)
     )
     SELECT count(*)::int AS saved FROM r`;
  },
};
