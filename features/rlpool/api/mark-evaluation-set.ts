'use client';

import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '@/components/api/api-fetch';

export const markEvaluationSet = (datasetId: number, on: boolean) => apiFetch(`/api/datasets/${datasetId}/evaluation-set`, { method: 'POST', json: { isEvaluationSet: on } });

/** The flag lives on the server-rendered datasets page, so callers refresh the route on success. */
export function useMarkEvaluationSet(datasetId: number, { onSuccess, onError }: { onSuccess?: () => void; onError?: (e: Error) => void } = {}) {
  return useMutation({ mutationFn: (on: boolean) => markEvaluationSet(datasetId, on), onSuccess, onError });
}
