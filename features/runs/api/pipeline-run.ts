import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PipelinePlan, PipelineRunInput, PipelineRunView } from '@/lib/runs/pipeline-run';
import { apiFetch } from '@/components/api/api-fetch';
import { runKeys } from './keys';

const pipelineKey = (runId: number) => [...runKeys.all, 'pipeline', runId] as const;

export function usePlanPipelineRun() {
  return useMutation({
    mutationFn: (input: PipelineRunInput) => apiFetch<{ plan: PipelinePlan }>('/api/runs/pipeline/plan', { method: 'POST', body: JSON.stringify(input) }).then((r) => r.plan),
  });
}

export function useCreatePipelineRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PipelineRunInput) => apiFetch<{ pipeline: { id: number } }>('/api/runs/pipeline', { method: 'POST', body: JSON.stringify(input) }).then((r) => r.pipeline),
    onSuccess: () => qc.invalidateQueries({ queryKey: runKeys.list() }),
  });
}

/** The pipeline run a run belongs to (null for a plain run); live while it runs. */
export function usePipelineRun(runId: number) {
  return useQuery({
    queryKey: pipelineKey(runId),
    queryFn: () => apiFetch<{ pipeline: PipelineRunView | null }>(`/api/runs/${runId}/pipeline`).then((r) => r.pipeline),
    staleTime: 0,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 1000 : false),
  });
}

export function usePipelineAction(runId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: 'cancel' | 'retry') => apiFetch<unknown>(`/api/runs/${runId}/pipeline/${action}`, { method: 'POST' }),
    onSettled: () => qc.invalidateQueries({ queryKey: runKeys.all }),
  });
}
