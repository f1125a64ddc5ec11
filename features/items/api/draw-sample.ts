'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DrawSampleBody } from '@/lib/sampling/sample-input';
import { apiFetch } from '@/components/api/api-fetch';
import { sampleKeys } from './keys';

export type DrawnSample = { id: number; datasetId: number; population: number; size: number; seed: string };

export function drawSample(body: DrawSampleBody): Promise<DrawnSample> {
  return apiFetch('/api/samples', { json: body });
}

export function useDrawSample() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: drawSample, onSuccess: () => qc.invalidateQueries({ queryKey: sampleKeys.all }) });
}
