'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ExportOptionsInput } from '@/lib/export/export-options';
import { apiError, exportKeys, type ExportView } from './keys';

/** The body POST /api/exports parses (lib's export options, before defaults). */
export type CreateExportInput = ExportOptionsInput;

export async function createExport(input: CreateExportInput): Promise<ExportView> {
  const res = await fetch('/api/exports', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  if (!res.ok) throw await apiError(res);
  return ((await res.json()) as { export: ExportView }).export;
}

export function useCreateExport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createExport,
    onSuccess: (row) => {
      qc.setQueryData<ExportView[]>(exportKeys.list(), (old) => [row, ...(old ?? []).filter((e) => e.id !== row.id)]);
      void qc.invalidateQueries({ queryKey: exportKeys.list() });
    },
  });
}
