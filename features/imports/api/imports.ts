'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiError, importKeys, isActive, type ImportView } from './keys';

export async function fetchImports(): Promise<ImportView[]> {
  const res = await fetch('/api/imports', { cache: 'no-store' });
  if (!res.ok) throw await apiError(res);
  return ((await res.json()) as { imports: ImportView[] }).imports;
}

export const importsQuery = () =>
  queryOptions({
    queryKey: importKeys.list(),
    queryFn: fetchImports,
    // Poll only while something is still moving.
    refetchInterval: (q) => (q.state.data?.some((i) => isActive(i.status)) ? 1000 : false),
  });

export function useImports() {
  return useQuery(importsQuery());
}
