import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/components/api/api-fetch';
import { runKeys } from './keys';

export const cancelRunRequest = (id: number) => apiFetch<{ cancelled: number; droppedJobs: number }>(`/api/runs/${id}/cancel`, { method: 'POST' });

export function useCancelRun() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: cancelRunRequest, onSettled: () => qc.invalidateQueries({ queryKey: runKeys.all }) });
}
