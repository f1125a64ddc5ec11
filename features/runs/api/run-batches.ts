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
    // While the run is active, and after it until every batch shown has been read (the run can
    // finish in the same tick that reads its last batch).
    refetchInterval: (q) => (active || q.state.data?.batches.some((b) => b.ingestedAt === null) ? 3000 : false),
  });

export const useRunBatches = (id: number, active: boolean) => useQuery(runBatchesQueryOptions(id, active));
