'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiError, importKeys, type ImportView } from './keys';

export type StartImportInput = {
  dataset: string;
  mediaRoot?: string;
  description?: string;
  remoteMediaPrefixes?: string[];
  mode: 'all_or_nothing' | 'skip_bad';
  source: { kind: 'upload'; file: File } | { kind: 'path'; path: string };
};

/** Sends a file in chunks (each below the proxy's body limit), reporting bytes sent. */
async function upload(file: File, onProgress: (sent: number) => void): Promise<string> {
  const res = await fetch('/api/imports/uploads', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fileName: file.name, size: file.size }),
  });
  if (!res.ok) throw await apiError(res);
  const { uploadId, chunkBytes } = (await res.json()) as { uploadId: string; chunkBytes: number };
  for (let offset = 0; offset < file.size; offset += chunkBytes) {
    const chunk = file.slice(offset, Math.min(file.size, offset + chunkBytes));
    const put = await fetch(`/api/imports/uploads/${uploadId}?offset=${offset}`, { method: 'PUT', body: chunk });
    if (!put.ok) throw await apiError(put);
    onProgress(offset + chunk.size);
  }
  return uploadId;
}

export async function startImport(input: StartImportInput, onUploadProgress: (fraction: number) => void): Promise<ImportView> {
  const source =
    input.source.kind === 'upload'
      ? { kind: 'upload' as const, uploadId: await upload(input.source.file, (sent) => onUploadProgress(sent / (input.source as { file: File }).file.size)) }
      : input.source;
  const res = await fetch('/api/imports', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ dataset: input.dataset, mediaRoot: input.mediaRoot || undefined, description: input.description || undefined, remoteMediaPrefixes: input.remoteMediaPrefixes, mode: input.mode, source }),
  });
  if (!res.ok) throw await apiError(res);
  return ((await res.json()) as { import: ImportView }).import;
}

export function useStartImport(onUploadProgress: (fraction: number) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: StartImportInput) => startImport(input, onUploadProgress),
    onSuccess: (row) => {
      qc.setQueryData(importKeys.one(row.id), row);
      void qc.invalidateQueries({ queryKey: importKeys.list() });
    },
  });
}
