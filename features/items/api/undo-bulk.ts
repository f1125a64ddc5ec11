'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UndoneBulkAction } from '@/lib/bulk/undo-bulk-action';
import { apiFetch } from '@/components/api/api-fetch';
import { bulkKeys, itemKeys, sampleKeys } from './keys';

export function undoBulk(id: number): Promise<UndoneBulkAction> {
  return apiFetch(`/api/bulk/${id}/undo`, { method: 'POST' });
}

export function useUndoBulk() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: undoBulk,
    onSettled: () => Promise.all([qc.invalidateQueries({ queryKey: itemKeys.all }), qc.invalidateQueries({ queryKey: bulkKeys.all }), qc.invalidateQueries({ queryKey: sampleKeys.all })]),
  });
}
