import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReviewItem } from '@/lib/review/review-item';
import { apiFetch } from '@/components/api/api-fetch';
import { conflictItem } from '@/components/review/queries/conflict-item';
import { ITEMS_ROOT_KEY, reviewKeys } from './keys';

export type SaveEditVars = { itemId: number; baseVersionId: number; expectedRev: number; text: string; accept: boolean };
export type SaveEditResult = { item: ReviewItem; versionId: number; reviewId: number | null };

export function postEdit({ itemId, ...body }: SaveEditVars): Promise<SaveEditResult> {
  return apiFetch<SaveEditResult>(`/api/items/${itemId}/edits`, { method: 'POST', json: body });
}

/** Not optimistic: the editor stays open (and autosaved) until the server has the version. */
export function useSaveEdit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: postEdit,
    onSuccess: (data) => qc.setQueryData(reviewKeys.item(data.item.id), data.item),
    // On a conflict the page shows the other change, so the cache takes the item as it is now.
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
