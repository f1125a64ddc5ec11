import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RunView } from '@/lib/runs/run-view';
import { apiFetch } from '@/components/api/api-fetch';
import { runKeys } from './keys';

export const fetchRuns = () => apiFetch<{ runs: RunView[] }>('/api/runs').then((r) => r.runs);

const isActive = (r: RunView) => r.status === 'queued' || r.status === 'running';

export const runsQueryOptions = () =>
  queryOptions({
    queryKey: runKeys.list(),
    queryFn: fetchRuns,
    staleTime: 0,
    // Live while anything runs; a slow heartbeat otherwise (a run started elsewhere shows up).
    refetchInterval: (q) => ((q.state.data ?? []).some(isActive) ? 1500 : 5000),
  });

export const useRuns = () => useQuery(runsQueryOptions());
