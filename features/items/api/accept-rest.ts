'use client';

import { useMutation } from '@tanstack/react-query';
import type { PreparedBulkAction } from '@/lib/bulk/prepare-bulk-action';
import { apiFetch } from '@/components/api/api-fetch';

/** Prepares the bulk accept of a sample's unsampled rest; it is confirmed like any bulk action. */
export function prepareAcceptRest({ sampleId, includeMismatched = false }: { sampleId: number; includeMismatched?: boolean }): Promise<PreparedBulkAction> {
  return apiFetch(`/api/samples/${sampleId}/accept-rest`, { method: 'POST', body: JSON.stringify({ includeMismatched }), headers: { 'content-type': 'application/json' } });
}

export function usePrepareAcceptRest() {
  return useMutation({ mutationFn: prepareAcceptRest });
}
