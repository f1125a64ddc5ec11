import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReviewItem } from '@/lib/review/review-item';
import { apiFetch } from '@/components/api/api-fetch';
import { conflictItem } from '@/components/review/queries/conflict-item';
import { ITEMS_ROOT_KEY, reviewKeys } from './keys';

export type UndoVars = { itemId: number; expectedRev: number };
export type UndoResult = { item: ReviewItem; undoneReviewId: number };

export function postUndo({ itemId, expectedRev }: UndoVars): Promise<UndoResult> {
  return apiFetch<UndoResult>(`/api/items/${itemId}/undo`, { method: 'POST', json: { expectedRev } });
}

export function useUndoDecision() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: postUndo,
    onSuccess: (data) => qc.setQueryData(reviewKeys.item(data.item.id), data.item),
    onError: (err, vars) => {
      const current = conflictItem(err);
      if (current) qc.setQueryData(reviewKeys.item(vars.itemId), current);
    },
    onSettled: (_d, _e, vars) => {
      void qc.invalidateQueries({ queryKey: reviewKeys.history(vars.itemId) });
      void qc.invalidateQueries({ queryKey: ITEMS_ROOT_KEY });
    },
  });
}
