import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateRunInput } from '@/lib/runs/create-run';
import type { RunView } from '@/lib/runs/run-view';
import { apiFetch } from '@/components/api/api-fetch';
import { runKeys } from './keys';

export const createRunRequest = (input: CreateRunInput) => apiFetch<{ run: RunView }>('/api/runs', { method: 'POST', body: JSON.stringify(input) }).then((r) => r.run);

export function useCreateRun() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createRunRequest, onSuccess: () => qc.invalidateQueries({ queryKey: runKeys.list() }) });
}
