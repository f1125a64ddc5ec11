'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/components/api/api-fetch';
import { DEFAULT_LAYOUT, type ColumnLayout } from '@/lib/views/item-columns';
import { viewKeys } from './view-keys';

export function fetchTableLayout(): Promise<ColumnLayout> {
  return apiFetch<{ layout: ColumnLayout }>('/api/table-layout/items').then((r) => r.layout);
}

/** The user's column layout of the items table (kept on the server, so it follows them). */
export function useTableLayout() {
  return useQuery({ queryKey: viewKeys.layout('items'), queryFn: fetchTableLayout, staleTime: Infinity, placeholderData: DEFAULT_LAYOUT });
}

/** Saves a new layout; the table shows it at once and goes back if the server refuses it. */
export function useSaveTableLayout() {
  const qc = useQueryClient();
  const key = viewKeys.layout('items');
  return useMutation({
    mutationFn: (layout: ColumnLayout) => apiFetch<{ layout: ColumnLayout }>('/api/table-layout/items', { method: 'PUT', json: layout }).then((r) => r.layout),
    onMutate: async (layout) => {
      await qc.cancelQueries({ queryKey: key });
      const previous = qc.getQueryData<ColumnLayout>(key);
      qc.setQueryData(key, layout);
      return { previous };
    },
    onError: (_e, _layout, ctx) => {
      if (ctx?.previous) qc.setQueryData(key, ctx.previous);
    },
    onSuccess: (layout) => qc.setQueryData(key, layout),
  });
}
