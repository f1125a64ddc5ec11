'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/components/api/api-fetch';
import type { ItemClaimView } from '@/lib/review-queue/claim-next-item';
import type { QueueOrder } from '@/lib/review-queue/queue-order';

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/**
 * "Being reviewed by X until 10:42" when someone's queue has the item claimed; in queue mode,
 * your own lease and how long it runs, and the queue's order (switchable: the next claim follows
 * it). Re-read every 20 s so an expired lease disappears.
 */
export function ClaimBanner({ itemId, queueMode, order = 'id', remaining }: { itemId: number; queueMode: boolean; order?: QueueOrder; remaining: number | null }) {
  const q = useQuery({
    queryKey: ['item-claim', itemId],
    queryFn: () => apiFetch<{ claim: ItemClaimView; mine: boolean }>(`/api/items/${itemId}/claim`, { cache: 'no-store' }),
    refetchInterval: 20_000,
    staleTime: 0,
  });
  const c = q.data?.claim;
  if (!c && !queueMode) return null;
  const minutes = c ? Math.round((Date.parse(c.expiresAt) - Date.parse(c.claimedAt)) / 60_000) : null;
  return (
    <div className="flex shrink-0 items-center gap-3 rounded-md px-2 py-1 text-xs ring-1 ring-inset ring-slate-200" data-testid="claim-banner">
      {queueMode && <span className="rounded bg-indigo-600 px-1.5 py-0.5 font-semibold text-white">Next for me</span>}
      {c && q.data?.mine && (
        <span className="text-slate-600" data-testid="claim-mine">
          Claimed for you until {time(c.expiresAt)} ({minutes} min lease; J passes it on to the next item)
        </span>
      )}
      {c && !q.data?.mine && (
        <span className="font-medium text-amber-800" data-testid="claim-other">
          Being reviewed by {c.reviewer.name || c.reviewer.email} until {time(c.expiresAt)}
        </span>
      )}
      {queueMode && (
        <Link
          href={`/items/${itemId}?queue=1${order === 'id' ? '&order=risk' : ''}`}
          replace
          className="text-indigo-700 hover:underline"
          title={order === 'risk' ? 'Serving the riskiest item first; switch to id order' : 'Serving in id order; switch to riskiest first'}
          data-testid="queue-order-toggle"
          data-order={order}
        >
          {order === 'risk' ? 'Riskiest first' : 'In id order'} ⇄
        </Link>
      )}
      {queueMode && remaining !== null && <span className="ml-auto text-slate-500" data-testid="queue-remaining">{remaining} left in your queue</span>}
    </div>
  );
}
