'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SampleSummary } from '@/lib/sampling/list-samples';
import { apiFetch } from '@/components/api/api-fetch';

// Under the 'samples' root, which the items feature's sample and bulk mutations invalidate.
export const samplesListKey = (datasetId: number) => ['samples', 'list', datasetId] as const;

export function fetchSamples(datasetId: number): Promise<{ samples: SampleSummary[] }> {
  return apiFetch(`/api/samples?dataset=${datasetId}`);
}

export const samplesQueryOptions = (datasetId: number) => queryOptions({ queryKey: samplesListKey(datasetId), queryFn: () => fetchSamples(datasetId) });

export function useSamples(datasetId: number) {
  return useQuery(samplesQueryOptions(datasetId));
}
