import { z } from 'zod';

// One config shape for every model stage, read from environment variables:
//   COT_<STAGE>_<FIELD>, falling back to COT_DEFAULT_<FIELD> for the chat stages
// (represent, draft, revise). The embedding stage (consistency) never inherits the defaults:
// a chat endpoint is rarely an embedding endpoint, and the stage is optional.

export const MODEL_STAGES = ['represent', 'draft', 'revise', 'consistency', 'evidence', 'rollout', 'blind'] as const;
export type ModelStage = (typeof MODEL_STAGES)[number];
export const CHAT_STAGES = ['represent', 'draft', 'revise', 'rollout', 'blind'] as const;

export type ModelConfig = {
  stage: ModelStage;
  baseUrl: string;
  /** The name of the environment variable holding the key; the key itself is never shown or stored. */
  apiKeyEnv: string | null;
  model: string;
  temperature: number | null;
  topP: number | null;
  maxTokens: number | null;
  timeoutMs: number;
  maxRetries: number;
  /** Requests in flight to this endpoint across all workers. */
  maxConcurrency: number;
  /** Requests per minute across all workers; null = unlimited. */
  rpm: number | null;
  /** Tokens (in + out) per minute across all workers; null = unlimited. */
  tpm: number | null;
  /** USD per million tokens, for the cost estimate. */
  priceInputPerMTok: number;
  priceOutputPerMTok: number;
  /** How frames reach a multimodal model: JPEG image parts, or one video_url part (vLLM, SGLang). */
  videoInput: 'frames' | 'video_url';
  /** Ask for `response_format: json_object` (represent); not every server supports it. */
  jsonMode: boolean;
  /** Server-specific request fields merged into every request, e.g. {"top_k": 20}. */
  extraBody: Record<string, unknown> | null;
  /** Prompt version to use; null = the newest file in prompts/<stage>/. */
  promptVersion: string | null;
};

/** A stage config with its secret: lives only in the process that calls the endpoint. */
export type ModelEndpoint = ModelConfig & { apiKey: string };

const FIELDS = {
  BASE_URL: z.string().url(),
  API_KEY_ENV: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be the name of an environment variable'),
  MODEL: z.string().min(1),
  TEMPERATURE: z.coerce.number().min(0).max(2),
  TOP_P: z.coerce.number().gt(0).max(1),
  MAX_TOKENS: z.coerce.number().int().positive(),
  TIMEOUT_SECONDS: z.coerce.number().positive().max(3600),
  MAX_RETRIES: z.coerce.number().int().min(0).max(20),
  CONCURRENCY: z.coerce.number().int().min(1).max(4096),
  RPM: z.coerce.number().int().min(1),
  TPM: z.coerce.number().int().min(1),
  PRICE_INPUT: z.coerce.number().min(0),
  PRICE_OUTPUT: z.coerce.number().min(0),
  VIDEO_INPUT: z.enum(['frames', 'video_url']),
  JSON_MODE: z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1'),
  EXTRA_BODY: z.string().transform((s, ctx) => {
    try {
      const v = JSON.parse(s) as unknown;
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch {
      /* reported below */
    }
    ctx.addIssue({ code: 'custom', message: 'must be a JSON object' });
    return z.NEVER;
  }),
  PROMPT_VERSION: z.string().regex(/^v\d+$/, 'must look like v1, v2, …'),
} as const;

type Field = keyof typeof FIELDS;
type Env = Record<string, string | undefined>;

function read(env: Env, stage: ModelStage, field: Field, problems: string[]): unknown {
  const own = env[`COT_${stage.toUpperCase()}_${field}`];
  const inherited = stage === 'consistency' ? undefined : env[`COT_DEFAULT_${field}`];
  const name = own !== undefined && own !== '' ? `COT_${stage.toUpperCase()}_${field}` : `COT_DEFAULT_${field}`;
  const raw = own !== undefined && own !== '' ? own : inherited;
  if (raw === undefined || raw === '') return undefined;
  const parsed = FIELDS[field].safeParse(raw);
  if (!parsed.success) {
    problems.push(`${name}: ${parsed.error.issues.map((i) => i.message).join(', ')}`);
    return undefined;
  }
  return parsed.data;
}

/**
 * Reads every model stage's endpoint. A stage without a base URL is unconfigured (its runs are
 * refused, or for consistency skipped); a stage with a base URL but a bad field is an error, so a
 * typo fails at start instead of mid-run.
 */
export function parseModelEndpoints(env: Env): { endpoints: Partial<Record<ModelStage, ModelEndpoint>>; problems: string[] } {
  const problems: string[] = [];
  const endpoints: Partial<Record<ModelStage, ModelEndpoint>> = {};
  for (const stage of MODEL_STAGES) {
    const f = <K extends Field>(k: K) => read(env, stage, k, problems) as z.output<(typeof FIELDS)[K]> | undefined;
    const baseUrl = f('BASE_URL');
    if (!baseUrl) continue;
    const model = f('MODEL');
    const prefix = `COT_${stage.toUpperCase()}`;
    if (!model) {
      problems.push(`${prefix}_MODEL: required when ${prefix}_BASE_URL${stage === 'consistency' ? '' : ' (or COT_DEFAULT_BASE_URL)'} is set`);
      continue;
    }
    const apiKeyEnv = f('API_KEY_ENV') ?? null;
    let apiKey = 'none';
    if (apiKeyEnv) {
      const key = env[apiKeyEnv];
      if (!key) problems.push(`${prefix}_API_KEY_ENV names ${apiKeyEnv}, which is not set`);
      else apiKey = key;
    }
    endpoints[stage] = {
      stage,
      baseUrl: baseUrl.replace(/\/+$/, ''),
      apiKeyEnv,
      apiKey,
      model,
      temperature: f('TEMPERATURE') ?? null,
      topP: f('TOP_P') ?? null,
      maxTokens: f('MAX_TOKENS') ?? null,
      timeoutMs: Math.round((f('TIMEOUT_SECONDS') ?? 120) * 1000),
      maxRetries: f('MAX_RETRIES') ?? 5,
      maxConcurrency: f('CONCURRENCY') ?? 4,
      rpm: f('RPM') ?? null,
      tpm: f('TPM') ?? null,
      priceInputPerMTok: f('PRICE_INPUT') ?? 0,
      priceOutputPerMTok: f('PRICE_OUTPUT') ?? 0,
      videoInput: f('VIDEO_INPUT') ?? 'frames',
      jsonMode: f('JSON_MODE') ?? false,
      extraBody: f('EXTRA_BODY') ?? null,
      promptVersion: f('PROMPT_VERSION') ?? null,
    };
  }
  return { endpoints, problems };
}

/** What may leave the process: everything but the key. */
export function publicModelConfig(e: ModelEndpoint | ModelConfig): ModelConfig {
  const { apiKey: _secret, ...rest } = e as ModelEndpoint;
  void _secret;
  return rest;
}

/** The per-run choices a user may change when re-running a stage with another model. */
export const modelOverridesSchema = z.object({
  model: z.string().trim().min(1).max(200).optional(),
  temperature: z.number().min(0).max(2).optional(),
  topP: z.number().gt(0).max(1).optional(),
  maxTokens: z.number().int().positive().max(1_000_000).optional(),
});
export type ModelOverrides = z.infer<typeof modelOverridesSchema>;

export function applyOverrides<T extends ModelConfig>(base: T, o: ModelOverrides | undefined): T {
  if (!o) return base;
  return {
    ...base,
    ...(o.model !== undefined ? { model: o.model } : {}),
    ...(o.temperature !== undefined ? { temperature: o.temperature } : {}),
    ...(o.topP !== undefined ? { topP: o.topP } : {}),
    ...(o.maxTokens !== undefined ? { maxTokens: o.maxTokens } : {}),
  };
}

export function estimateCostUsd(cfg: Pick<ModelConfig, 'priceInputPerMTok' | 'priceOutputPerMTok'>, tokensIn: number, tokensOut: number): number {
  return (tokensIn * cfg.priceInputPerMTok + tokensOut * cfg.priceOutputPerMTok) / 1_000_000;
}
