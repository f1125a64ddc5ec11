'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AppliedBulkAction } from '@/lib/bulk/apply-bulk-action';
import { apiFetch } from '@/components/api/api-fetch';
import { bulkKeys, itemKeys, sampleKeys } from './keys';

export function applyBulk(id: number): Promise<AppliedBulkAction> {
  return apiFetch(`/api/bulk/${id}/apply`, { method: 'POST' });
}

export function useApplyBulk() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: applyBulk,
    // Every page and count of every filter may have changed; so may samples' tallies.
    onSettled: () => Promise.all([qc.invalidateQueries({ queryKey: itemKeys.all }), qc.invalidateQueries({ queryKey: bulkKeys.all }), qc.invalidateQueries({ queryKey: sampleKeys.all })]),
  });
}
