import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/components/api/api-fetch';
import { reviewKeys } from '@/features/review/api/keys';

export type Neighbors = { next: number[]; previous: number[] };

/** How far ahead the page looks: the next item is prefetched with its media, the one after with its data. */
export const NEIGHBOR_COUNT = 2;

export function fetchItemNeighbors(id: number, filterQuery: string, signal?: AbortSignal): Promise<Neighbors> {
  const q = new URLSearchParams(filterQuery);
  q.set('count', String(NEIGHBOR_COUNT));
  return apiFetch<Neighbors>(`/api/items/${id}/neighbors?${q}`, { signal });
}

export function itemNeighborsQueryOptions(id: number, filterQuery: string) {
  return queryOptions({ queryKey: reviewKeys.neighbors(id, filterQuery), queryFn: ({ signal }) => fetchItemNeighbors(id, filterQuery, signal), staleTime: 30_000 });
}

/**
 * While an item's own neighbors load, the list seen from the item before it already names what
 * comes next (it was fetched two deep), so "next" never waits on a round trip.
 */
export function useItemNeighbors(id: number, filterQuery: string, initial?: { id: number; data: Neighbors }) {
  return useQuery({
    ...itemNeighborsQueryOptions(id, filterQuery),
    initialData: initial?.id === id ? initial.data : undefined,
    placeholderData: (previous, previousQuery) => {
      const previousId = previousQuery?.queryKey[2];
      if (!previous || typeof previousId !== 'number' || previous.next[0] !== id) return undefined;
      return { next: previous.next.slice(1), previous: [previousId] };
    },
  });
}
