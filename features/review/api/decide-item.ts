import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReviewItem } from '@/lib/review/review-item';
import type { RejectReasonCode } from '@/lib/review/reject-reasons';
import { apiFetch } from '@/components/api/api-fetch';
import { itemChangeCache } from '@/features/review/api/item-change-cache';
import { reviewKeys } from '@/features/review/api/keys';
import { withOptimisticState } from '@/features/review/api/optimistic';

export type DecisionInput =
  | { action: 'accept'; versionId: number; acceptAnyway?: true; reason?: string }
  | { action: 'reject'; reason: RejectReasonCode; note?: string }
  | { action: 'skip' };

/** `activeMs`: active time on the item before deciding (components/review/use-active-time.ts). */
export type DecideVars = { itemId: number; expectedRev: number; decision: DecisionInput; activeMs?: number };
export type DecideResult = { item: ReviewItem; reviewId: number };

export function postDecision({ itemId, expectedRev, decision, activeMs }: DecideVars): Promise<DecideResult> {
  return apiFetch<DecideResult>(`/api/items/${itemId}/decision`, { method: 'POST', json: { ...decision, expectedRev, activeMs } });
}

/** A decision shows at once (optimistic) and rolls back to the server's state if refused. */
export function useDecideItem() {
  const qc = useQueryClient();
  const cache = itemChangeCache(qc);
  return useMutation({
    mutationFn: postDecision,
    onMutate: async (vars) => {
      const key = reviewKeys.item(vars.itemId);
      await qc.cancelQueries({ queryKey: key });
      const previous = qc.getQueryData<ReviewItem>(key);
      if (previous) {
        const d = vars.decision;
        qc.setQueryData(
          key,
          withOptimisticState(previous, {
            status: d.action === 'accept' ? 'accepted' : d.action === 'reject' ? 'rejected' : 'skipped',
            acceptedVersionId: d.action === 'accept' ? d.versionId : d.action === 'reject' ? null : previous.acceptedVersionId,
          }),
        );
      }
      return { previous };
    },
    onError: (err, vars, ctx) => {
      if (!cache.takeConflict(err, vars.itemId) && ctx?.previous) qc.setQueryData(reviewKeys.item(vars.itemId), ctx.previous);
    },
    onSuccess: cache.onSuccess,
    onSettled: cache.onSettled,
  });
}
