'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiError, importKeys, isActive, type ImportView } from './keys';

export async function fetchImport(id: number): Promise<ImportView> {
  const res = await fetch(`/api/imports/${id}`, { cache: 'no-store' });
  if (!res.ok) throw await apiError(res);
  return ((await res.json()) as { import: ImportView }).import;
}

export const importQuery = (id: number) =>
  queryOptions({
    queryKey: importKeys.one(id),
    queryFn: () => fetchImport(id),
    refetchInterval: (q) => (!q.state.data || isActive(q.state.data.status) ? 700 : false),
  });

export function useImport(id: number | null) {
  return useQuery({ ...importQuery(id ?? 0), enabled: id !== null });
}
