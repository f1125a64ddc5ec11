'use client';

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ItemsPage } from '@/lib/items/list-items';
import { apiFetch } from '@/components/api/api-fetch';
import { ITEMS_PAGE_SIZE, itemKeys } from './keys';

export const PAGE_SIZE = ITEMS_PAGE_SIZE;

export function fetchItemsPage(filter: string, cursor: string | null): Promise<ItemsPage> {
  const p = new URLSearchParams(filter);
  if (cursor) p.set('cursor', cursor);
  p.set('limit', String(PAGE_SIZE));
  return apiFetch<ItemsPage>(`/api/items?${p}`);
}

export const itemsPageQueryOptions = (filter: string, cursor: string | null) =>
  queryOptions({ queryKey: itemKeys.page(filter, cursor), queryFn: () => fetchItemsPage(filter, cursor), placeholderData: keepPreviousData });

export function useItemsPage(filter: string, cursor: string | null) {
  return useQuery(itemsPageQueryOptions(filter, cursor));
}
