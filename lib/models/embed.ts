import { z } from 'zod';
import { ModelCallError } from './model-error';
import type { ModelEndpoint } from './model-config';
import { postForText } from './openai-client';
import { withRetries, type RetryHooks } from './retry';

export type EmbedResult = { vectors: number[][]; tokensIn: number; latencyMs: number; attempts: number; raw: string };

const responseSchema = z.looseObject({
  data: z.array(z.looseObject({ embedding: z.array(z.number()), index: z.number().optional() })).min(1),
  usage: z.looseObject({ prompt_tokens: z.number().optional(), total_tokens: z.number().optional() }).nullish(),
});

function parse(text: string, expected: number): Omit<EmbedResult, 'latencyMs' | 'attempts'> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ModelCallError({ kind: 'bad_response', raw: text, message: 'Embedding endpoint returned a body that is not JSON' });
  }
  const r = responseSchema.safeParse(json);
  if (!r.success || r.data.data.length !== expected) {
    throw new ModelCallError({ kind: 'bad_response', raw: text, message: `Embedding endpoint returned an unexpected body (expected ${expected} embedding${expected === 1 ? '' : 's'})` });
  }
  const rows = [...r.data.data].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  return { vectors: rows.map((d) => d.embedding), tokensIn: r.data.usage?.prompt_tokens ?? r.data.usage?.total_tokens ?? 0, raw: text };
}

async function post(endpoint: ModelEndpoint, body: Record<string, unknown>, expected: number, hooks: RetryHooks): Promise<EmbedResult> {
  const { value, attempts } = await withRetries(
    async () => {
      const res = await postForText({ baseUrl: endpoint.baseUrl, apiKey: endpoint.apiKey, path: '/embeddings', body: { ...(endpoint.extraBody ?? {}), ...body }, timeoutMs: endpoint.timeoutMs, signal: hooks.signal });
      return { ...parse(res.text, expected), latencyMs: res.latencyMs };
    },
    { maxRetries: endpoint.maxRetries, describe: (v) => ({ tokensIn: v.tokensIn, tokensOut: 0, raw: v.raw }), ...hooks },
  );
  return { ...value, attempts };
}

/** Text embeddings: the standard `input` form every OpenAI-compatible server accepts. */
export function embedText(endpoint: ModelEndpoint, text: string, hooks: RetryHooks = {}): Promise<EmbedResult> {
  return post(endpoint, { model: endpoint.model, input: [text], encoding_format: 'float' }, 1, hooks);
}

/**
 * One image's embedding through the chat-style `messages` form of /embeddings, which vLLM
 * serves for multimodal embedding models (SigLIP-like). One request per image keeps the
 * request valid for servers that embed one conversation per call.
 */
export function embedImage(endpoint: ModelEndpoint, dataUrl: string, hooks: RetryHooks = {}): Promise<EmbedResult> {
  return post(
    endpoint,
    { model: endpoint.model, messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: dataUrl } }] }], encoding_format: 'float' },
    1,
    hooks,
  );
}

export function cosine(a: number[], b: number[]): number {
  if (a.length !== b.length || a.length === 0) throw new ModelCallError({ kind: 'bad_response', message: `Embedding sizes differ (${a.length} vs ${b.length})` });
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
