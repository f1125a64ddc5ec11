'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Guidelines } from '@/lib/datasets/guidelines';
import { apiFetch } from '@/components/api/api-fetch';

export const guidelinesKey = (datasetId: number) => ['guidelines', datasetId] as const;

export function useGuidelines(datasetId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: guidelinesKey(datasetId ?? 0),
    queryFn: () => apiFetch<Guidelines>(`/api/datasets/${datasetId}/guidelines`),
    enabled: enabled && datasetId !== undefined,
    staleTime: 60_000,
  });
}

export function useSaveGuidelines(datasetId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { markdown: string; expectedUpdatedAt: string | null }) => apiFetch<Guidelines>(`/api/datasets/${datasetId}/guidelines`, { method: 'PUT', json: body }),
    onSuccess: (g) => qc.setQueryData(guidelinesKey(datasetId), g),
  });
}
