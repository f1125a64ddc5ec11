import { toFile } from 'openai';
import { z } from 'zod';
import { openaiClient } from '../../models/openai-client';
import type { ModelEndpoint } from '../../models/model-config';

// The provider's Batch API through the openai SDK, against the stage endpoint's base URL:
// OpenAI, or any server implementing /v1/files + /v1/batches the same way.

export const PROVIDER_OPEN_STATES = ['validating', 'in_progress', 'finalizing', 'cancelling'] as const;
export const PROVIDER_FINAL_STATES = ['completed', 'expired', 'cancelled', 'failed'] as const;

const batchSchema = z.looseObject({
  id: z.string(),
  status: z.string(),
  output_file_id: z.string().nullish(),
  error_file_id: z.string().nullish(),
  request_counts: z.looseObject({ total: z.number(), completed: z.number(), failed: z.number() }).nullish(),
  errors: z.looseObject({ data: z.array(z.looseObject({ code: z.string().nullish(), message: z.string().nullish() })).nullish() }).nullish(),
});
export type ProviderBatch = z.infer<typeof batchSchema>;

export type BatchProvider = {
  upload(name: string, body: string): Promise<string>;
  create(inputFileId: string, metadata: Record<string, string>): Promise<ProviderBatch>;
  retrieve(id: string): Promise<ProviderBatch>;
  cancel(id: string): Promise<ProviderBatch>;
  content(fileId: string): Promise<string>;
};

export function batchProvider(endpoint: Pick<ModelEndpoint, 'baseUrl' | 'apiKey'>): BatchProvider {
  const client = openaiClient(endpoint.baseUrl, endpoint.apiKey);
  return {
    async upload(name, body) {
      const f = await client.files.create({ file: await toFile(Buffer.from(body, 'utf8'), name, { type: 'application/jsonl' }), purpose: 'batch' });
      return f.id;
    },
    async create(inputFileId, metadata) {
      return batchSchema.parse(await client.batches.create({ input_file_id: inputFileId, endpoint: '/v1/chat/completions', completion_window: '24h', metadata }));
    },
    async retrieve(id) {
      return batchSchema.parse(await client.batches.retrieve(id));
    },
    async cancel(id) {
      return batchSchema.parse(await client.batches.cancel(id));
    },
    async content(fileId) {
      return (await client.files.content(fileId)).text();
    },
  };
}

/** One line of an output or error file. */
export const outputLineSchema = z.looseObject({
  custom_id: z.string(),
  response: z.looseObject({ status_code: z.number(), body: z.unknown() }).nullish(),
  error: z.looseObject({ code: z.string().nullish(), message: z.string().nullish() }).nullish(),
});
export type OutputLine = z.infer<typeof outputLineSchema>;

/** Error codes that mean "not run" (the request is missing, not failed): it is sent again. */
export const NOT_RUN_CODES = new Set(['batch_expired', 'batch_cancelled', 'batch_failed']);
