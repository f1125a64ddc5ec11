'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/components/api/api-fetch';
import { itemKeys } from './keys';

export function fetchItemsCount(filter: string): Promise<{ count: number }> {
  return apiFetch<{ count: number }>(`/api/items/count?${filter}`);
}

export const itemsCountQueryOptions = (filter: string) => queryOptions({ queryKey: itemKeys.count(filter), queryFn: () => fetchItemsCount(filter) });

export function useItemsCount(filter: string) {
  return useQuery(itemsCountQueryOptions(filter));
}
