'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiError, importKeys, type ImportView } from './keys';

export async function retryImport(input: { importId: number; mode: 'all_or_nothing' | 'skip_bad' }): Promise<ImportView> {
  const res = await fetch(`/api/imports/${input.importId}/retry`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode: input.mode }),
  });
  if (!res.ok) throw await apiError(res);
  return ((await res.json()) as { import: ImportView }).import;
}

export function useRetryImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: retryImport,
    onSuccess: (row) => {
      qc.setQueryData(importKeys.one(row.id), row);
      void qc.invalidateQueries({ queryKey: importKeys.list() });
    },
  });
}
