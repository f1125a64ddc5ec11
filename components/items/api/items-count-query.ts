'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchJson } from './fetch-json';
import { itemKeys } from './keys';

export function fetchItemsCount(filter: string): Promise<{ count: number }> {
  return fetchJson<{ count: number }>(`/api/items/count?${filter}`);
}

export const itemsCountQueryOptions = (filter: string) => queryOptions({ queryKey: itemKeys.count(filter), queryFn: () => fetchItemsCount(filter) });

export function useItemsCount(filter: string) {
  return useQuery(itemsCountQueryOptions(filter));
}
