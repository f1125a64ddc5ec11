'use client';

import { useCallback, useEffect, useRef } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { itemNeighborsQueryOptions, type Neighbors } from '@/features/review/api/item-neighbors';

declare global {
  interface Window {
    /** J/K pressed before the page was interactive (components/review/early-keys.tsx); null once read. */
    __cotEarlyKeys?: string[] | null;
  }
}

/**
 * J/K: go to the next/previous item of the list. Pressed while the new item's neighbors are
 * still loading (the first few hundred ms on an item, or before the page is interactive), the
 * step is queued and taken as soon as they arrive, instead of being dropped.
 */
export function useListStep(opts: {
  id: number;
  filterQuery: string;
  neighbors: Neighbors | undefined;
  qc: QueryClient;
  goTo: (id: number) => void;
  currentId: { current: number };
}) {
  const ref = useRef(opts);
  useEffect(() => {
    ref.current = opts;
  });
  const step = useCallback(async (dir: 'next' | 'previous') => {
    const { id, filterQuery, neighbors, qc, goTo, currentId } = ref.current;
    const known = neighbors?.[dir][0];
    if (known !== undefined) return goTo(known);
    const from = id;
    const fetched = await qc.fetchQuery(itemNeighborsQueryOptions(from, filterQuery)).catch(() => null);
    const target = fetched?.[dir][0];
    // Only if the reviewer is still on the item the key was pressed on.
    if (target !== undefined && currentId.current === from) ref.current.goTo(target);
  }, []);

  // Keys pressed before hydration: take the last J or K once.
  useEffect(() => {
    const early = window.__cotEarlyKeys;
    window.__cotEarlyKeys = null;
    const last = early?.[early.length - 1];
    if (last === 'j') void step('next');
    else if (last === 'k') void step('previous');
  }, [step]);

  return step;
}
