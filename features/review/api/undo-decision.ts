import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReviewItem } from '@/lib/review/review-item';
import { apiFetch } from '@/components/api/api-fetch';
import { itemChangeCache } from '@/features/review/api/item-change-cache';

export type UndoVars = { itemId: number; expectedRev: number };
export type UndoResult = { item: ReviewItem; undoneReviewId: number };

export function postUndo({ itemId, expectedRev }: UndoVars): Promise<UndoResult> {
  return apiFetch<UndoResult>(`/api/items/${itemId}/undo`, { method: 'POST', json: { expectedRev } });
}

export function useUndoDecision() {
  const cache = itemChangeCache(useQueryClient());
  return useMutation({
    mutationFn: postUndo,
    onSuccess: cache.onSuccess,
    onError: (err, vars) => void cache.takeConflict(err, vars.itemId),
    onSettled: cache.onSettled,
  });
}
