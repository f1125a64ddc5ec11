import type { PrismaClient } from '@/generated/prisma/client';
import { endpointKey } from '@/lib/models/endpoint-key';
import { RateLimiter } from '@/lib/models/limits/rate-limiter';
import { SlotLimiter } from '@/lib/models/limits/slot-limiter';
import { SlotPool } from '@/lib/models/limits/slot-pool';
import { TokenRateLimiter } from '@/lib/models/limits/token-rate-limiter';
import type { ModelEndpoint, ModelStage } from '@/lib/models/model-config';
import type { PipelineSettings } from '@/lib/pipeline/settings';

/** The shared-table key of an endpoint's limits: its base URL + API key, never the stage. */
export function limiterKey(e: Pick<ModelEndpoint, 'baseUrl' | 'apiKey'>): string {
  return `endpoint:${endpointKey(e)}`;
}

export type EndpointLimits = { key: string; pool: SlotPool; rpm: RateLimiter | null; tpm: TokenRateLimiter | null };

/**
 * One set of limits per endpoint (base URL + API key), shared by every stage configured on
 * it — a draft run and a revise run on one endpoint share its concurrency, requests per
 * minute and tokens per minute — and, through the shared tables, by every worker. When the
 * stages on one endpoint configure different limits, the strictest applies.
 */
export async function endpointLimits(db: PrismaClient, settings: PipelineSettings, holder: string): Promise<{ byStage: Map<ModelStage, EndpointLimits>; all: EndpointLimits[] }> {
  const groups = new Map<string, ModelEndpoint[]>();
  for (const e of Object.values(settings.endpoints)) {
    if (!e) continue;
    const key = limiterKey(e);
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const byKey = new Map<string, EndpointLimits>();
  for (const [key, es] of groups) {
    const min = (xs: (number | null)[]) => {
      const v = xs.filter((x): x is number => x !== null);
      return v.length ? Math.min(...v) : null;
    };
    const concurrency = min(es.map((e) => e.maxConcurrency))!;
    const rpm = min(es.map((e) => e.rpm));
    const tpm = min(es.map((e) => e.tpm));
    const slots = new SlotLimiter(db, key, concurrency, holder, settings.slotLeaseSeconds);
    await slots.ensure();
    const rate = rpm === null ? null : new RateLimiter(db, key, rpm);
    await rate?.ensure();
    const tokens = tpm === null ? null : new TokenRateLimiter(db, `tpm:${key}`, tpm);
    await tokens?.ensure();
    byKey.set(key, { key, pool: new SlotPool(slots), rpm: rate, tpm: tokens });
  }
  const byStage = new Map<ModelStage, EndpointLimits>();
  for (const [stage, e] of Object.entries(settings.endpoints) as [ModelStage, ModelEndpoint | undefined][]) if (e) byStage.set(stage, byKey.get(limiterKey(e))!);
  return { byStage, all: [...byKey.values()] };
}
