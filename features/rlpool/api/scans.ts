'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CurationScan } from '@/generated/prisma/client';
import type { ScanResult } from '@/lib/dedup/scan/run-scan';
import { apiFetch } from '@/components/api/api-fetch';
import { scanKeys } from './keys';

/** A dataset's scan as GET /api/datasets/:id/scans returns it (the row, its result narrowed to lib's ScanResult). */
export type Scan = Pick<CurationScan, 'id' | 'status' | 'phase' | 'done' | 'total' | 'error'> & { result: Pick<ScanResult, 'duplicateItems' | 'duplicateClusters' | 'contaminated'> | null };

export const fetchScans = (datasetId: number) => apiFetch<{ scans: Scan[] }>(`/api/datasets/${datasetId}/scans`);

export const scansQueryOptions = (datasetId: number) =>
  queryOptions({
    queryKey: scanKeys.dataset(datasetId),
    queryFn: () => fetchScans(datasetId),
    // Followed while the newest scan runs.
    refetchInterval: (q) => (q.state.data?.scans[0] && ['queued', 'running'].includes(q.state.data.scans[0].status) ? 1000 : false),
  });

export const useScans = (datasetId: number) => useQuery(scansQueryOptions(datasetId));
