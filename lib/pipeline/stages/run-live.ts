import { chatComplete } from '../../models/chat';
import { embedImage, embedText, type EmbedResult } from '../../models/embed';
import type { ModelEndpoint } from '../../models/model-config';
import type { AttemptOutcome } from '../../models/retry';
import { attemptRow } from '../ledger/model-call-ledger';
import type { Claim } from '../result/claim-result';
import { runSave } from '../result/save-done';
import { NO_USAGE, parseSpent, type Usage } from '../result/stage-failure';
import { callModel, runEndpoint, usageOf, type StageContext } from '../stage-context';
import { stageDefinition } from './registry';
import type { AnyStageDefinition, ModelReply, ModelRequest } from './stage-definition';

/**
 * The live runner: one claimed result through its stage's definition, with the model called
 * over HTTP now (each attempt through the endpoint's limits and retries). Throws StageSkip /
 * StageFailure / RunCancelled for processStageJob to record.
 */
export async function runStageLive(ctx: StageContext, claim: Claim): Promise<{ saved: boolean; usage: Usage }> {
  const def = stageDefinition(claim.stage);
  let endpoint: ModelEndpoint | null = null;
  const endpointOf = () => (endpoint ??= runEndpoint(ctx.settings, modelOf(def), claim.modelConfig));
  const input = def.input({ ctx, claim, endpoint: endpointOf });
  const { request, facts } = await def.request(input, ctx, claim);
  const reply = await sendLive(ctx, claim, def, request, endpointOf);
  const usage = replyUsage(reply, endpoint);
  const output = parseSpent(usage, () => def.parse(reply, input, facts, ctx), reply.kind === 'chat' ? reply.chat.raw : undefined);
  const saved = await runSave(ctx.db, def.save({ claim, usage, input, facts, output, reply }));
  return { saved, usage };
}

function modelOf(def: AnyStageDefinition) {
  if (!def.model) throw new Error(`The ${def.stage} stage calls no model`);
  return def.model;
}

async function sendLive(ctx: StageContext, claim: Claim, def: AnyStageDefinition, request: ModelRequest, endpointOf: () => ModelEndpoint): Promise<ModelReply> {
  if (request.kind === 'none') return { kind: 'none' };
  const endpoint = endpointOf();
  // Every attempt (retries and failures included) goes to the spend ledger, for every stage.
  const gate = ctx.gate(modelOf(def), claim.runId);
  const onAttempt = (a: AttemptOutcome) => {
    gate.onAttempt?.(a);
    ctx.recordCall?.(attemptRow(a, { runId: claim.runId, resultId: claim.resultId, datasetId: claim.datasetId, stage: claim.stage, endpoint }));
  };
  const hooks = { signal: ctx.signal, ...gate, onAttempt };
  if (request.kind === 'chat') {
    return { kind: 'chat', chat: await callModel(() => chatComplete(endpoint, request.messages, { json: request.json, ...hooks })) };
  }
  if (request.kind === 'chat-samples') {
    // One request per sample, each through the endpoint's limits; a seed per sample makes a
    // re-asked run reproducible on servers that honour it (vLLM, OpenAI).
    const chats = [];
    for (let i = 0; i < request.count; i++) {
      const seeded = { ...endpoint, extraBody: { ...(endpoint.extraBody ?? {}), seed: i } };
      chats.push(await callModel(() => chatComplete(seeded, request.messages, hooks)));
    }
    return { kind: 'chat-samples', chats };
  }
  const results: EmbedResult[] = [];
  for (const input of request.inputs) {
    results.push(await callModel(() => (input.kind === 'text' ? embedText(endpoint, input.text, hooks) : embedImage(endpoint, input.dataUrl, hooks))));
  }
  return { kind: 'embeddings', results };
}

/** What the reply cost, priced at the endpoint's rates. */
export function replyUsage(reply: ModelReply, endpoint: ModelEndpoint | null): Usage {
  if (reply.kind === 'none' || !endpoint) return NO_USAGE;
  if (reply.kind === 'chat') return usageOf(endpoint, reply.chat);
  if (reply.kind === 'chat-samples') {
    const chats = reply.chats;
    const total = (f: (c: (typeof chats)[number]) => number) => chats.reduce((a, c) => a + f(c), 0);
    return usageOf(endpoint, { tokensIn: total((c) => c.tokensIn), tokensOut: total((c) => c.tokensOut), latencyMs: total((c) => c.latencyMs) });
  }
  const sum = (f: (r: EmbedResult) => number) => reply.results.reduce((a, r) => a + f(r), 0);
  return usageOf(endpoint, { tokensIn: sum((r) => r.tokensIn), tokensOut: 0, latencyMs: sum((r) => r.latencyMs) });
}
