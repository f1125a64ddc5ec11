import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RunDetail } from '@/lib/runs/get-run';
import { apiFetch } from '@/components/api/api-fetch';
import { runKeys } from './keys';

export const fetchRun = (id: number) => apiFetch<RunDetail>(`/api/runs/${id}`);

export const runQueryOptions = (id: number) =>
  queryOptions({
    queryKey: runKeys.detail(id),
    queryFn: () => fetchRun(id),
    staleTime: 0,
    refetchInterval: (q) => (q.state.data && ['queued', 'running'].includes(q.state.data.run.status) ? 2000 : 10_000),
  });

export const useRun = (id: number) => useQuery(runQueryOptions(id));
