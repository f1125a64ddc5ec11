'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { getRelease } from '@/lib/releases/list-releases';
import { apiFetch } from '@/components/api/api-fetch';
import { releaseKeys } from './keys';

export type CreateReleaseInput = { name: string; format: 'sft' | 'rl'; fileFormat: 'jsonl' | 'parquet'; lineage: boolean; passRate: boolean; filter: { dataset: number | undefined } };

export const createRelease = (input: CreateReleaseInput) =>
  apiFetch<{ release: Awaited<ReturnType<typeof getRelease>> }>('/api/releases', { method: 'POST', json: input });

export function useCreateRelease({ onSuccess }: { onSuccess?: () => void } = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createRelease,
    onSuccess: () => {
      onSuccess?.();
      void qc.invalidateQueries({ queryKey: releaseKeys.list() });
    },
  });
}
