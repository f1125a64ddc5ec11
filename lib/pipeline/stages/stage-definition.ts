import type { RawBuilder } from 'kysely';
import type { Prisma } from '@/generated/prisma/client';
import type { Stage } from '@/generated/prisma/enums';
import type { ChatMessage, ChatResult } from '../../models/chat';
import type { EmbedResult } from '../../models/embed';
import type { ModelEndpoint, ModelStage } from '../../models/model-config';
import type { Claim } from '../result/claim-result';
import type { Usage } from '../result/stage-failure';
import type { StageContext } from '../stage-context';

/**
 * What a stage asks its model for, as data: a runner sends it live (one request at a time,
 * through the endpoint's limits) or writes it to a Batch API file. `none` = no model (check).
 */
export type ModelRequest =
  | { kind: 'chat'; messages: ChatMessage[]; json?: boolean }
  /** Embeddings sent one request each, in order (consistency: the text, then every frame). */
  | { kind: 'embeddings'; inputs: ({ kind: 'text'; text: string } | { kind: 'image'; dataUrl: string })[] }
  /** The same chat asked `count` times (rollout, blind: k sampled answers); sample i is sent with seed i. */
  | { kind: 'chat-samples'; messages: ChatMessage[]; count: number }
  | { kind: 'none' };

/** The model's answer to a ModelRequest of the same kind. */
export type ModelReply = { kind: 'chat'; chat: ChatResult } | { kind: 'embeddings'; results: EmbedResult[] } | { kind: 'chat-samples'; chats: ChatResult[] } | { kind: 'none' };

/** Facts the request builder learnt that the parser or saver need (e.g. how many frames were
 * sent). Plain JSON, so a batch runner can store them with the request it wrote. */
export type RequestFacts = Record<string, string | number | boolean | null>;

/**
 * One pipeline stage, as four parts any runner can drive:
 *
 *  1. skip rule: `alreadyDone` (SQL, at run creation: the result is recorded as skipped) and
 *     `input` (per claim: throw StageSkip when there is nothing to do, StageFailure when the
 *     item cannot run yet, e.g. "run represent first");
 *  2. request builder: `request` turns the input into a ModelRequest (may read media);
 *  3. response parser: `parse` turns the reply into the stage's output (throw StageFailure
 *     with the raw text when it is unusable: the tokens spent are kept);
 *  4. result saver: `save` returns ONE statement that marks the result done and writes the
 *     output (see result/save-done.ts): it selects FROM the `r` CTE, so only the attempt that
 *     still owns the result writes anything, and `SELECT count(*)::int AS saved FROM r` last.
 *
 * Methods (not arrow properties) on purpose: the registry holds definitions of different
 * input/output types side by side.
 */
export interface StageDefinition<In, Out> {
  stage: Stage;
  /** Whose endpoint (COT_<MODEL>_*) the stage calls; null = no model. */
  model: ModelStage | null;
  /** With no endpoint configured, a run records every result as skipped (with this reason's
   * stage named) instead of refusing to start. */
  endpointOptional?: boolean;
  /** What one result is about: an item, or a video shared by its items (represent). */
  subject: 'item' | 'video';
  /** What the claim statement loads besides the item and video (see claim-result.ts). */
  loads: { representation?: boolean; draft?: boolean; revision?: boolean };
  /**
   * SQL condition (Kysely's sql template), true when the subject is already done with the run's model and prompt: the
   * result is then recorded as skipped unless the run is forced. Aliases: `i` the item (or `v`
   * the video, for a video subject) and `p` the run (`p.model`, `p.prompt`: "draft/v1").
   * null = always run.
   */
  alreadyDone: RawBuilder<boolean> | null;
  /**
   * For the pre-flight plan: SQL conditions (same aliases) under which `input` will refuse the
   * subject, with the same reason, and how the result then ends. Keep them in step with `input`.
   */
  cannotRunWhen?: { when: RawBuilder<boolean>; reason: string; endsAs: 'failed' | 'skipped' }[];
  input(args: { ctx: StageContext; claim: Claim; endpoint: () => ModelEndpoint }): In;
  request(input: In, ctx: StageContext, claim: Claim): Promise<{ request: ModelRequest; facts: RequestFacts }>;
  parse(reply: ModelReply, input: In, facts: RequestFacts, ctx: StageContext): Out;
  save(args: { claim: Claim; usage: Usage; input: In; facts: RequestFacts; output: Out; reply: ModelReply }): Prisma.Sql;
}

/** Any stage's definition, as the registry and runners hold it. */
export type AnyStageDefinition = StageDefinition<unknown, unknown>;

/** The reply of a chat request (a definition whose request is chat gets nothing else). */
export function chatReply(reply: ModelReply): ChatResult {
  if (reply.kind !== 'chat') throw new Error(`Expected a chat reply, got ${reply.kind}`);
  return reply.chat;
}

export function chatSamples(reply: ModelReply): ChatResult[] {
  if (reply.kind !== 'chat-samples') throw new Error(`Expected chat samples, got ${reply.kind}`);
  return reply.chats;
}

export function embeddingReplies(reply: ModelReply): EmbedResult[] {
  if (reply.kind !== 'embeddings') throw new Error(`Expected embeddings, got ${reply.kind}`);
  return reply.results;
}
