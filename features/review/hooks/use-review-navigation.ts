'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReviewItem } from '@/lib/review/review-item';
import type { PlayerController } from '@/components/player/player-controller';
import { loadAhead } from '@/features/review/hooks/use-review-player';
import { reviewKeys } from '@/features/review/api/keys';
import { reviewItemQueryOptions, useReviewItem } from '@/features/review/api/review-item';
import { itemNeighborsQueryOptions, useItemNeighbors, type Neighbors } from '@/features/review/api/item-neighbors';

function idFromPath(pathname: string | null): number | null {
  const m = /^\/items\/(\d+)\/?$/.exec(pathname ?? '');
  return m ? Number(m[1]) : null;
}

/**
 * Which item the review page shows, and moving between items. The item shown is local state,
 * not the router's: moving on renders the cached next item in the same task as the key press,
 * and the URL follows with history.pushState (back/forward follow popstate). The next items'
 * data is prefetched along the list.
 */
export function useReviewNavigation(opts: { initialItem: ReviewItem; initialNeighbors: Neighbors; filterQuery: string; controller: PlayerController }) {
  const { initialItem, initialNeighbors, filterQuery, controller } = opts;
  const qc = useQueryClient();
  const [id, setId] = useState(initialItem.id);
  useEffect(() => {
    const onPop = () => {
      const fromUrl = idFromPath(window.location.pathname);
      if (fromUrl !== null) setId(fromUrl);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  // The item a late callback (a saved decision, a fetched neighbor) compares itself with.
  const currentId = useRef(id);
  useEffect(() => {
    currentId.current = id;
  }, [id]);

  const itemQ = useReviewItem(id, initialItem);
  const neighborsQ = useItemNeighbors(id, filterQuery, { id: initialItem.id, data: initialNeighbors });
  const nextId = neighborsQ.data?.next[0] ?? null;
  const prevId = neighborsQ.data?.previous[0] ?? null;
  // The next item's data doubles as the prefetch; its media is warmed by the player.
  const nextItemQ = useQuery({ ...reviewItemQueryOptions(nextId ?? 0), enabled: nextId !== null });
  useEffect(() => {
    const n = neighborsQ.data;
    if (!n) return;
    for (const nid of [...n.next.slice(1), ...n.previous.slice(0, 1)]) void qc.prefetchQuery(reviewItemQueryOptions(nid));
    if (n.next[0] !== undefined) void qc.prefetchQuery(itemNeighborsQueryOptions(n.next[0], filterQuery));
  }, [neighborsQ.data, qc, filterQuery]);

  const listHref = useMemo(() => `/items?${new URLSearchParams(filterQuery).toString()}`, [filterQuery]);

  const goTo = useCallback(
    (nextItemId: number) => {
      loadAhead(controller, qc.getQueryData<ReviewItem>(reviewKeys.item(nextItemId)));
      flushSync(() => setId(nextItemId));
      window.history.pushState(null, '', `/items/${nextItemId}${window.location.search}`);
    },
    [qc, controller],
  );

  /** The list's next item after a decision: known already, or fetched if the neighbors are still loading. */
  const nextInList = useCallback(async (): Promise<number | null> => {
    if (nextId !== null) return nextId;
    if (neighborsQ.isPending || neighborsQ.isPlaceholderData) return (await qc.fetchQuery(itemNeighborsQueryOptions(id, filterQuery))).next[0] ?? null;
    return null;
  }, [nextId, neighborsQ.isPending, neighborsQ.isPlaceholderData, qc, id, filterQuery]);

  return { qc, id, currentId, itemQ, item: itemQ.data, neighbors: neighborsQ.data, nextId, prevId, nextItem: nextItemQ.data, listHref, goTo, nextInList };
}
