'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SampleSummary } from '@/lib/sampling/list-samples';
import { apiFetch } from '@/components/api/api-fetch';
import { sampleKeys } from '@/features/items/api/keys';

export function fetchSamples(datasetId: number): Promise<{ samples: SampleSummary[] }> {
  return apiFetch(`/api/samples?dataset=${datasetId}`);
}

export const samplesQueryOptions = (datasetId: number) => queryOptions({ queryKey: [...sampleKeys.all, 'list', datasetId] as const, queryFn: () => fetchSamples(datasetId) });

export function useSamples(datasetId: number) {
  return useQuery(samplesQueryOptions(datasetId));
}
