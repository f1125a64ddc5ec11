'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { BulkActionSummary } from '@/lib/bulk/list-bulk-actions';
import { apiFetch } from '@/components/api/api-fetch';
import { bulkKeys } from './keys';

export function fetchBulkActions(datasetId: number): Promise<{ actions: BulkActionSummary[] }> {
  return apiFetch(`/api/bulk?dataset=${datasetId}&limit=10`);
}

export const bulkActionsQueryOptions = (datasetId: number) => queryOptions({ queryKey: bulkKeys.list(datasetId), queryFn: () => fetchBulkActions(datasetId) });

export function useBulkActions(datasetId: number) {
  return useQuery(bulkActionsQueryOptions(datasetId));
}
