import { queryOptions, useQuery } from '@tanstack/react-query';
import type { stageOverview } from '@/lib/runs/stage-overview';
import { apiFetch } from '@/components/api/api-fetch';
import { runKeys } from './keys';

export type StageConfig = ReturnType<typeof stageOverview>;

export const fetchStageConfig = () => apiFetch<StageConfig>('/api/runs/config');

export const stageConfigQueryOptions = () => queryOptions({ queryKey: runKeys.config(), queryFn: fetchStageConfig, staleTime: 60_000 });

export const useStageConfig = () => useQuery(stageConfigQueryOptions());
