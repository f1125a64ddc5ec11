import type { QueryClient } from '@tanstack/react-query';
import type { ReviewItem } from '@/lib/review/review-item';
import { conflictItem } from '@/features/review/api/conflict-item';
import { ITEMS_ROOT_KEY, reviewKeys } from '@/features/review/api/keys';

/**
 * What every mutation that changes an item (decide, edit, undo) does to the cache: the server's
 * item replaces the cached one; on a 409 the item as it is now does (the page shows the other
 * change); afterwards its history and the items table are refetched.
 */
export function itemChangeCache(qc: QueryClient) {
  return {
    onSuccess: (data: { item: ReviewItem }) => qc.setQueryData(reviewKeys.item(data.item.id), data.item),
    /** True when the error was a conflict and the cache now holds the current item. */
    takeConflict: (err: unknown, itemId: number): boolean => {
      const current = conflictItem(err);
      if (current) qc.setQueryData(reviewKeys.item(itemId), current);
      return current !== null;
    },
    onSettled: (_data: unknown, _err: unknown, vars: { itemId: number }) => {
      void qc.invalidateQueries({ queryKey: reviewKeys.history(vars.itemId) });
      void qc.invalidateQueries({ queryKey: ITEMS_ROOT_KEY });
    },
  };
}
