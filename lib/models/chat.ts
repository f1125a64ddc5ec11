import { z } from 'zod';
import { ModelCallError } from './model-error';
import type { ModelEndpoint } from './model-config';
import { postForText } from './openai-client';
import { withRetries, type RetryHooks } from './retry';

export type ChatPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } } | { type: 'video_url'; video_url: { url: string } };
export type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string | ChatPart[] };

export type ChatResult = {
  content: string;
  /** A reasoning model's separate thinking (reasoning_content / reasoning / thinking), if any. */
  reasoning: string | null;
  /** The response body as received. */
  raw: string;
  model: string;
  finishReason: string | null;
  tokensIn: number;
  tokensOut: number;
  /** Of the attempt that succeeded. */
  latencyMs: number;
  attempts: number;
};

const messageSchema = z.looseObject({
  content: z.string().nullish(),
  reasoning_content: z.string().nullish(),
  reasoning: z.string().nullish(),
  thinking: z.string().nullish(),
});

const responseSchema = z.looseObject({
  model: z.string().optional(),
  choices: z.array(z.looseObject({ message: messageSchema, finish_reason: z.string().nullish() })).min(1),
  usage: z.looseObject({ prompt_tokens: z.number().optional(), completion_tokens: z.number().optional() }).nullish(),
});

/** Parses a chat completion body; anything else is a bad_response with the body kept. */
export function parseChatBody(text: string): Omit<ChatResult, 'latencyMs' | 'attempts' | 'model'> & { model: string | null } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ModelCallError({ kind: 'bad_response', raw: text, message: 'Model endpoint returned a body that is not JSON' });
  }
  const r = responseSchema.safeParse(json);
  if (!r.success) throw new ModelCallError({ kind: 'bad_response', raw: text, message: 'Model endpoint returned JSON that is not a chat completion' });
  const choice = r.data.choices[0]!;
  const m = choice.message;
  return {
    content: m.content ?? '',
    reasoning: m.reasoning_content ?? m.reasoning ?? m.thinking ?? null,
    raw: text,
    model: r.data.model ?? null,
    finishReason: choice.finish_reason ?? null,
    tokensIn: r.data.usage?.prompt_tokens ?? 0,
    tokensOut: r.data.usage?.completion_tokens ?? 0,
  };
}

export function chatRequestBody(endpoint: ModelEndpoint, messages: ChatMessage[], opts: { json?: boolean } = {}): Record<string, unknown> {
  return {
    ...(endpoint.extraBody ?? {}),
    model: endpoint.model,
    messages,
    ...(endpoint.temperature !== null ? { temperature: endpoint.temperature } : {}),
    ...(endpoint.topP !== null ? { top_p: endpoint.topP } : {}),
    ...(endpoint.maxTokens !== null ? { max_tokens: endpoint.maxTokens } : {}),
    ...(opts.json && endpoint.jsonMode ? { response_format: { type: 'json_object' } } : {}),
  };
}

/** One chat completion with retries; the body is parsed here so a broken one is kept as raw text. */
export async function chatComplete(endpoint: ModelEndpoint, messages: ChatMessage[], opts: { json?: boolean } & RetryHooks = {}): Promise<ChatResult> {
  const body = chatRequestBody(endpoint, messages, opts);
  const { value, attempts } = await withRetries(
    async () => {
      const res = await postForText({ baseUrl: endpoint.baseUrl, apiKey: endpoint.apiKey, path: '/chat/completions', body, timeoutMs: endpoint.timeoutMs, signal: opts.signal });
      return { ...parseChatBody(res.text), latencyMs: res.latencyMs };
    },
    { maxRetries: endpoint.maxRetries, describe: (v) => ({ tokensIn: v.tokensIn, tokensOut: v.tokensOut, raw: v.raw }), ...opts },
  );
  return { ...value, model: value.model ?? endpoint.model, attempts };
}
