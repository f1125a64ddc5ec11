'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/components/api/api-fetch';
import { sampleKeys } from './keys';

/** Closes an open acceptance sample; the table then goes back to the filter it was drawn from. */
export function useCloseSample() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (sampleId: number) => apiFetch<{ id: number; state: 'closed'; filter: string; finished: boolean }>(`/api/samples/${sampleId}/close`, { method: 'POST' }),
    onSuccess: (r) => qc.invalidateQueries({ queryKey: sampleKeys.status(r.id) }),
  });
}
