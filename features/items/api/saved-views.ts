'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/components/api/api-fetch';
import type { SavedView, SavedViewInput } from '@/lib/views/saved-views';
import { viewKeys } from './view-keys';

export function fetchSavedViews(datasetId: number): Promise<SavedView[]> {
  return apiFetch<{ views: SavedView[] }>(`/api/views?dataset=${datasetId}`).then((r) => r.views);
}

export function useSavedViews(datasetId: number) {
  return useQuery({ queryKey: viewKeys.list(datasetId), queryFn: () => fetchSavedViews(datasetId) });
}

export function useSaveView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SavedViewInput) => apiFetch<SavedView>('/api/views', { json: input }),
    onSuccess: (v) => qc.invalidateQueries({ queryKey: viewKeys.list(v.datasetId) }),
  });
}

export function useDeleteView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; datasetId: number }) => apiFetch<void>(`/api/views/${v.id}`, { method: 'DELETE' }),
    onSuccess: (_r, v) => qc.invalidateQueries({ queryKey: viewKeys.list(v.datasetId) }),
  });
}
