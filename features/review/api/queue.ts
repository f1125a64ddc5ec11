import type { QueueClaim } from '@/lib/review-queue/claim-next-item';
import type { ItemClaimView } from '@/lib/review-queue/claim-next-item';
import { apiFetch } from '@/components/api/api-fetch';
import type { QueueOrder } from '@/lib/review-queue/queue-order';

export type QueueNext = { claim: QueueClaim | null; remaining: number };

/** Claims the next item of my assignments ("Next for me"); `release` ends my claim on the item I leave. */
export function claimNext(body: { exclude?: number[]; release?: number; order?: QueueOrder }): Promise<QueueNext> {
  return apiFetch<QueueNext>('/api/queue/next', { json: body });
}

export function fetchItemClaim(itemId: number): Promise<{ claim: ItemClaimView }> {
  return apiFetch(`/api/items/${itemId}/claim`, { cache: 'no-store' });
}
