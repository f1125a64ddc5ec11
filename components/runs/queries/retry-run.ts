import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchJson } from './fetch-json';
import { runKeys } from './keys';

export const retryRunRequest = (id: number) => fetchJson<{ requeued: number }>(`/api/runs/${id}/retry`, { method: 'POST' });

export function useRetryRun() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: retryRunRequest, onSettled: () => qc.invalidateQueries({ queryKey: runKeys.all }) });
}
