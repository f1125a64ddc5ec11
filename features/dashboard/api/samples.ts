'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SampleSummary } from '@/lib/sampling/list-samples';
import { apiFetch } from '@/components/api/api-fetch';

import { samplesListKey } from './keys';

export { samplesListKey };

export function fetchSamples(datasetId: number): Promise<{ samples: SampleSummary[] }> {
  return apiFetch(`/api/samples?dataset=${datasetId}`);
}

export const samplesQueryOptions = (datasetId: number) => queryOptions({ queryKey: samplesListKey(datasetId), queryFn: () => fetchSamples(datasetId) });

export function useSamples(datasetId: number) {
  return useQuery(samplesQueryOptions(datasetId));
}
