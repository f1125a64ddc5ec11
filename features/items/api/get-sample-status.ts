'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SampleStatus } from '@/lib/sampling/sample-status';
import { apiFetch } from '@/components/api/api-fetch';
import { sampleKeys } from './keys';

export function fetchSampleStatus(id: number): Promise<SampleStatus> {
  return apiFetch(`/api/samples/${id}`);
}

export const sampleStatusQueryOptions = (id: number) => queryOptions({ queryKey: sampleKeys.status(id), queryFn: () => fetchSampleStatus(id) });

/** Refetched every few seconds: reviewers decide sampled items on the review page meanwhile. */
export function useSampleStatus(id: number | undefined) {
  return useQuery({ ...sampleStatusQueryOptions(id ?? 0), enabled: id !== undefined, refetchInterval: 5000 });
}
