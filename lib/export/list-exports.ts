import { z } from 'zod';
import type { Prisma, PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';

// What the UI sees of an export: progress, the manifest and whether the file can be downloaded.
export const exportViewSchema = z.object({
  id: z.number(),
  datasetId: z.number().nullable(),
  dataset: z.string(),
  format: z.string(),
  fileFormat: z.string(),
  filter: z.record(z.string(), z.unknown()),
  options: z.record(z.string(), z.unknown()),
  status: z.string(),
  total: z.number(),
  written: z.number(),
  fileName: z.string().nullable(),
  sha256: z.string().nullable(),
  manifest: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ExportView = z.infer<typeof exportViewSchema>;

const include = { dataset: { select: { name: true } } } as const;
type Row = Prisma.ExportGetPayload<{ include: typeof include }>;

function view(row: Row): ExportView {
  return exportViewSchema.parse({
    id: row.id,
    datasetId: row.datasetId,
    dataset: row.dataset?.name ?? '',
    format: row.format,
    fileFormat: row.fileFormat,
    filter: row.filter,
    options: row.options,
    status: row.status,
    total: row.total,
    written: row.written,
    fileName: row.filePath ? row.filePath.split('/').pop() : null,
    sha256: row.sha256,
    manifest: row.manifest,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  });
}

export async function listExports(db: PrismaClient, opts: { limit?: number } = {}): Promise<ExportView[]> {
  const rows = await db.export.findMany({ orderBy: { createdAt: 'desc' }, take: opts.limit ?? 20, include });
  return rows.map(view);
}

export async function getExport(db: PrismaClient, id: number): Promise<ExportView> {
  const row = await db.export.findUnique({ where: { id }, include });
  if (!row) throw new AppError('NOT_FOUND', `Export ${id} not found`);
  return view(row);
}
