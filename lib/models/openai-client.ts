import OpenAI from 'openai';
import { ModelCallError } from './model-error';
import { parseRetryAfter } from './retry';

// One SDK client per endpoint and key, reused across jobs so connections stay alive.
const clients = new Map<string, OpenAI>();

export function openaiClient(baseUrl: string, apiKey: string): OpenAI {
  const key = `${baseUrl}\u0000${apiKey}`;
  let c = clients.get(key);
  if (!c) {
    // Retries are ours (backoff with jitter, Retry-After, the shared rate limiter sees each one).
    c = new OpenAI({ baseURL: baseUrl, apiKey, maxRetries: 0 });
    clients.set(key, c);
  }
  return c;
}

/**
 * Sends one request with a deadline covering the whole exchange (headers and body) and returns
 * the body as text, so a reply that is not what we expect can be kept verbatim.
 */
export async function postForText(opts: { baseUrl: string; apiKey: string; path: string; body: Record<string, unknown>; timeoutMs: number; signal?: AbortSignal }): Promise<{ text: string; latencyMs: number }> {
  const client = openaiClient(opts.baseUrl, opts.apiKey);
  const deadline = AbortSignal.timeout(opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, deadline]) : deadline;
  const started = performance.now();
  try {
    const res = await client.post(opts.path, { body: opts.body, signal, timeout: opts.timeoutMs, maxRetries: 0 }).asResponse();
    const text = await res.text();
    return { text, latencyMs: Math.round(performance.now() - started) };
  } catch (e) {
    throw toModelError(e, { timedOut: deadline.aborted, timeoutMs: opts.timeoutMs });
  }
}

function toModelError(e: unknown, ctx: { timedOut: boolean; timeoutMs: number }): ModelCallError {
  if (e instanceof ModelCallError) return e;
  if (ctx.timedOut || e instanceof OpenAI.APIConnectionTimeoutError) {
    return new ModelCallError({ kind: 'timeout', message: `Model endpoint did not answer within ${Math.round(ctx.timeoutMs / 1000)} s` });
  }
  if (e instanceof OpenAI.APIUserAbortError) return new ModelCallError({ kind: 'aborted', message: 'Request aborted' });
  if (e instanceof OpenAI.APIConnectionError) {
    const cause = (e.cause as { code?: string; message?: string } | undefined) ?? {};
    return new ModelCallError({ kind: 'connection', message: `Cannot reach the model endpoint (${cause.code ?? cause.message ?? e.message})` });
  }
  if (e instanceof OpenAI.APIError && typeof e.status === 'number') {
    const status = e.status;
    const raw = e.error === undefined ? null : JSON.stringify(e.error);
    const detail = errorDetail(e);
    if (status === 429) {
      return new ModelCallError({ kind: 'rate_limited', status, retryAfterMs: parseRetryAfter(e.headers), raw, message: `HTTP 429 rate limited by the model endpoint${detail}` });
    }
    if (status === 408 || status === 409 || status >= 500) {
      return new ModelCallError({ kind: 'server', status, retryAfterMs: parseRetryAfter(e.headers), raw, message: `HTTP ${status} from the model endpoint${detail}` });
    }
    const hint = status === 401 || status === 403 ? ' — check the API key (COT_<STAGE>_API_KEY_ENV)' : status === 404 ? ' — check the base URL and model name' : '';
    return new ModelCallError({ kind: 'client', status, raw, message: `HTTP ${status} from the model endpoint${detail}${hint}` });
  }
  return new ModelCallError({ kind: 'connection', message: `Model request failed: ${(e as Error)?.message ?? String(e)}` });
}

/** The server's own error message, short, without item-specific text, so failures group well. */
function errorDetail(e: InstanceType<typeof OpenAI.APIError>): string {
  const body = e.error as { message?: unknown } | undefined;
  const msg = typeof body?.message === 'string' ? body.message : null;
  return msg ? `: ${msg.slice(0, 160)}` : '';
}
