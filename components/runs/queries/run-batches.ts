import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RunBatchView } from '@/lib/runs/list-batches';
import { apiFetch } from '@/components/api/api-fetch';
import { runKeys } from './keys';

export type RunBatches = { runId: number; mode: string; batches: RunBatchView[] };

export const runBatchesQueryOptions = (id: number, active: boolean) =>
  queryOptions({
    queryKey: [...runKeys.detail(id), 'batches'] as const,
    queryFn: () => apiFetch<RunBatches>(`/api/runs/${id}/batches`),
    staleTime: 0,
    refetchInterval: active ? 3000 : false,
  });

export const useRunBatches = (id: number, active: boolean) => useQuery(runBatchesQueryOptions(id, active));
