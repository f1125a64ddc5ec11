'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SampleSummary } from '@/lib/sampling/list-samples';
import { fetchJson } from '@/components/items/api/fetch-json';
import { sampleKeys } from '@/components/items/api/keys';

export function fetchSamples(datasetId: number): Promise<{ samples: SampleSummary[] }> {
  return fetchJson(`/api/samples?dataset=${datasetId}`);
}

export const samplesQueryOptions = (datasetId: number) => queryOptions({ queryKey: [...sampleKeys.all, 'list', datasetId] as const, queryFn: () => fetchSamples(datasetId) });

export function useSamples(datasetId: number) {
  return useQuery(samplesQueryOptions(datasetId));
}
