'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiError, exportKeys, isActive, type ExportView } from './keys';

export async function fetchExports(): Promise<ExportView[]> {
  const res = await fetch('/api/exports', { cache: 'no-store' });
  if (!res.ok) throw await apiError(res);
  return ((await res.json()) as { exports: ExportView[] }).exports;
}

export const exportsQuery = () =>
  queryOptions({
    queryKey: exportKeys.list(),
    queryFn: fetchExports,
    refetchInterval: (q) => (q.state.data?.some((e) => isActive(e.status)) ? 800 : false),
  });

export function useExports() {
  return useQuery(exportsQuery());
}
