'use client';

import { useEffect, useState } from 'react';
import { useRouter } from 'next/navigation';
import { claimNext } from '@/features/review/api/queue';
import type { QueueOrder } from '@/lib/review-queue/queue-order';

/** Claims the first item of my queue (in `order`) and opens it in the review page in queue mode, which keeps the order. */
export function QueueStart({ order = 'id' }: { order?: QueueOrder }) {
  const router = useRouter();
  const [state, setState] = useState<{ kind: 'claiming' } | { kind: 'empty' } | { kind: 'error'; message: string }>({ kind: 'claiming' });
  useEffect(() => {
    let live = true;
    claimNext({ order })
      .then((r) => {
        if (!live) return;
        if (r.claim) router.replace(`/items/${r.claim.itemId}?queue=1${order === 'id' ? '' : `&order=${order}`}`);
        else setState({ kind: 'empty' });
      })
      .catch((e: unknown) => live && setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [router, order]);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-700" data-testid="queue-start">
      {state.kind === 'claiming' && 'Finding the next item for you…'}
      {state.kind === 'empty' && (
        <span data-testid="queue-empty">Nothing left for you: every item of your assignments is decided by you, has its reviews, or is being reviewed by someone else.</span>
      )}
      {state.kind === 'error' && <span className="text-rose-700">{state.message}</span>}
    </div>
  );
}
