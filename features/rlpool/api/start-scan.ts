'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/components/api/api-fetch';
import { scanKeys } from './keys';

export const startScan = (datasetId: number) => apiFetch(`/api/datasets/${datasetId}/scans`, { method: 'POST', json: {} });

export function useStartScan(datasetId: number, { onError }: { onError?: (e: Error) => void } = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => startScan(datasetId),
    onSuccess: () => qc.invalidateQueries({ queryKey: scanKeys.dataset(datasetId) }),
    onError,
  });
}
