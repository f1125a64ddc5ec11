import { queryOptions, useQuery } from '@tanstack/react-query';
import type { WorkerView } from '@/lib/runs/list-workers';
import { apiFetch } from '@/components/api/api-fetch';
import { workerKeys } from './keys';

export const fetchWorkers = () => apiFetch<{ workers: WorkerView[]; staleSeconds: number }>('/api/workers');

export const workersQueryOptions = () => queryOptions({ queryKey: workerKeys.all, queryFn: fetchWorkers, staleTime: 0, refetchInterval: 3000 });

export const useWorkers = () => useQuery(workersQueryOptions());
