'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DrawSampleBody } from '@/lib/sampling/sample-input';
import { fetchJson } from './fetch-json';
import { sampleKeys } from './keys';

export type DrawnSample = { id: number; datasetId: number; population: number; size: number; seed: string };

export function drawSample(body: DrawSampleBody): Promise<DrawnSample> {
  return fetchJson('/api/samples', { json: body });
}

export function useDrawSample() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: drawSample, onSuccess: () => qc.invalidateQueries({ queryKey: sampleKeys.all }) });
}
