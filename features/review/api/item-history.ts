import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ItemHistory } from '@/lib/review/review-item';
import { apiFetch } from '@/components/api/api-fetch';
import { reviewKeys } from '@/features/review/api/keys';

export function fetchItemHistory(id: number, signal?: AbortSignal): Promise<ItemHistory> {
  return apiFetch<ItemHistory>(`/api/items/${id}/history`, { signal });
}

export function itemHistoryQueryOptions(id: number) {
  return queryOptions({ queryKey: reviewKeys.history(id), queryFn: ({ signal }) => fetchItemHistory(id, signal), staleTime: 5_000 });
}

export function useItemHistory(id: number, enabled: boolean) {
  return useQuery({ ...itemHistoryQueryOptions(id), enabled });
}
