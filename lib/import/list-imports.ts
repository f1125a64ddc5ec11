import { z } from 'zod';
import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';

// What the UI sees of an import: progress, counts and the report; never the server-side path.
export const importViewSchema = z.object({
  id: z.number(),
  datasetId: z.number().nullable(),
  dataset: z.string(),
  fileName: z.string(),
  mode: z.string(),
  status: z.string(),
  bytesTotal: z.number(),
  bytesRead: z.number(),
  processed: z.number(),
  total: z.number(),
  inserted: z.number(),
  updated: z.number(),
  rejected: z.number(),
  error: z.string().nullable(),
  errors: z.array(z.object({ at: z.string(), field: z.string().nullable(), message: z.string() }).loose()),
  report: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportView = z.infer<typeof importViewSchema>;

type Row = Awaited<ReturnType<PrismaClient['import']['findFirstOrThrow']>>;

function view(row: Row, opts: { withErrors: boolean }): ImportView {
  const options = (row.options ?? {}) as { dataset?: string; fileName?: string };
  return importViewSchema.parse({
    id: row.id,
    datasetId: row.datasetId,
    dataset: options.dataset ?? '',
    fileName: options.fileName ?? '',
    mode: row.mode,
    status: row.status,
    bytesTotal: Number(row.bytesTotal),
    bytesRead: Number(row.bytesRead),
    processed: row.processed,
    total: row.total,
    inserted: row.inserted,
    updated: row.updated,
    rejected: row.rejected,
    error: row.error,
    errors: opts.withErrors ? row.errors : [],
    report: row.report,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  });
}

export async function listImports(db: PrismaClient, opts: { limit?: number } = {}): Promise<ImportView[]> {
  const rows = await db.import.findMany({ orderBy: { createdAt: 'desc' }, take: opts.limit ?? 20 });
  return rows.map((r) => view(r, { withErrors: false }));
}

export async function getImport(db: PrismaClient, id: number): Promise<ImportView> {
  const row = await db.import.findUnique({ where: { id } });
  if (!row) throw new AppError('NOT_FOUND', `Import ${id} not found`);
  return view(row, { withErrors: true });
}
