'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Dashboard } from '@/lib/dashboard/dashboard-types';
import { apiFetch } from '@/components/api/api-fetch';

import { dashboardKeys } from './keys';

export { dashboardKeys };

export function fetchDashboard(datasetId: number, days: number): Promise<Dashboard> {
  return apiFetch(`/api/dashboard?dataset=${datasetId}&days=${days}`);
}

export const dashboardQueryOptions = (datasetId: number, days: number) =>
  queryOptions({ queryKey: dashboardKeys.dataset(datasetId, days), queryFn: () => fetchDashboard(datasetId, days), refetchInterval: 30_000 });

export function useDashboard(datasetId: number, days: number) {
  return useQuery(dashboardQueryOptions(datasetId, days));
}
