import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/components/api/api-fetch';
import { runKeys } from './keys';

export const retryRunRequest = (id: number) => apiFetch<{ requeued: number }>(`/api/runs/${id}/retry`, { method: 'POST' });

export function useRetryRun() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: retryRunRequest, onSettled: () => qc.invalidateQueries({ queryKey: runKeys.all }) });
}
