import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReviewItem } from '@/lib/review/review-item';
import { apiFetch } from '@/components/api/api-fetch';
import { itemChangeCache } from '@/features/review/api/item-change-cache';

export type SaveEditVars = { itemId: number; baseVersionId: number; expectedRev: number; text: string; accept: boolean; activeMs?: number };
export type SaveEditResult = { item: ReviewItem; versionId: number; reviewId: number | null };

export function postEdit({ itemId, ...body }: SaveEditVars): Promise<SaveEditResult> {
  return apiFetch<SaveEditResult>(`/api/items/${itemId}/edits`, { method: 'POST', json: body });
}

/** Not optimistic: the editor stays open (and autosaved) until the server has the version. */
export function useSaveEdit() {
  const cache = itemChangeCache(useQueryClient());
  return useMutation({
    mutationFn: postEdit,
    onSuccess: cache.onSuccess,
    // On a conflict the page shows the other change, so the cache takes the item as it is now.
    onError: (err, vars) => void cache.takeConflict(err, vars.itemId),
    onSettled: cache.onSettled,
  });
}
