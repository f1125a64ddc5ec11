'use client';

import { useCallback, useRef, useState } from 'react';
import type { QueueOrder } from '@/lib/review-queue/queue-order';
import { claimNext } from '@/features/review/api/queue';
import type { Toast } from '@/features/review/components/toasts';

type Notify = (t: Omit<Toast, 'id'>) => void;

/**
 * "Next for me" on the review page: the next item is claimed from the reviewer's queue (in
 * `order`); J passes the current one over. After a decision the item is left claimed: the
 * decision (saved in the background) ends the claim, so nobody else is handed it before the vote
 * is in. J passes over and releases it.
 */
export function useReviewQueue(opts: { id: number; order: QueueOrder; goTo: (id: number) => void; toast: Notify; onEmpty: () => void }) {
  const { id, order, goTo, toast, onEmpty } = opts;
  const passedOver = useRef<number[]>([]);
  const [remaining, setRemaining] = useState<number | null>(null);
  const queueNext = useCallback(
    async (passOver: boolean) => {
      passedOver.current.push(id);
      try {
        const r = await claimNext({ release: passOver ? id : undefined, exclude: passedOver.current, order });
        setRemaining(r.remaining);
        if (r.claim) goTo(r.claim.itemId);
        else toast({ tone: 'info', text: 'Your queue is empty: nothing left for you to review.', action: { label: 'Back to the list', onClick: onEmpty } });
      } catch (e) {
        toast({ tone: 'error', text: `Could not get the next item: ${e instanceof Error ? e.message : String(e)}` });
      }
    },
    [id, goTo, toast, onEmpty, order],
  );
  return { queueNext, remaining };
}
