import { z } from 'zod';
import type { PrismaClient } from '@/generated/prisma/client';
import { withRawClient } from '../db/raw-client';
import { isAppError } from '../errors';
import { log } from '../log';
import { QUEUE_POLICY } from '../queue/contract';
import { defaultExportPath } from './export-file';
import { exportOptionsSchema } from './export-options';
import { writeExport } from './write-export';
import type { ExportManifest } from './manifest';

const PROGRESS_EVERY_MS = 500;
const rowOptionsSchema = z.object({
  foldOptions: z.boolean().optional(),
  includeMismatched: z.boolean().optional(),
  trainer: z.string().optional(),
  stepReviewedOnly: z.boolean().optional(),
  includeContaminated: z.boolean().optional(),
  passRate: z.boolean().optional(),
  lineage: z.boolean().optional(),
});

/**
 * The export job. A completed export is never redone; a retried one rewrites its own file from
 * scratch (the file only takes its name once complete, so a half-written one is never served).
 */
export async function runExportJob(
  db: PrismaClient,
  opts: { exportId: number; onProgress?: (written: number, total: number) => void },
): Promise<{ status: string; manifest?: ExportManifest; filePath?: string; error?: string }> {
  const row = await db.export.findUnique({ where: { id: opts.exportId }, include: { dataset: true } });
  if (!row) return { status: 'missing' };
  if (row.status === 'completed' || row.status === 'failed' || row.status === 'cancelled') return { status: row.status };
  const attempts = row.attempts + 1;
  await db.export.update({ where: { id: row.id }, data: { status: 'running', attempts, startedAt: new Date(), written: 0, error: null } });

  let progress: Promise<unknown> = Promise.resolve();
  let lastAt = 0;
  try {
    const options = exportOptionsSchema.parse({
      filter: row.filter,
      format: row.format,
      fileFormat: row.fileFormat,
      ...rowOptionsSchema.parse(row.options),
    });
    const outPath = row.filePath ?? defaultExportPath(row.id, row.dataset?.name ?? 'dataset', row.format, row.fileFormat);
    const manifest = await withRawClient((client) =>
      writeExport(client, {
        ...options,
        outPath,
        exportId: row.id,
        onProgress: (written, total) => {
          opts.onProgress?.(written, total);
          const now = Date.now();
          if (now - lastAt < PROGRESS_EVERY_MS && written < total) return;
          lastAt = now;
          progress = progress.then(() =>
            db.export
              .update({ where: { id: row.id }, data: { written, total } })
              .catch((e) => log('warn', 'export progress update failed', { exportId: row.id, error: (e as Error).message })),
          );
        },
      }),
    );
    await progress;
    await db.export.update({
      where: { id: row.id },
      data: { status: 'completed', written: manifest.records, filePath: outPath, sha256: manifest.sha256, manifest, finishedAt: new Date() },
    });
    return { status: 'completed', manifest, filePath: outPath };
  } catch (e) {
    await progress;
    const message = (e as Error).message;
    const final = isAppError(e) || e instanceof z.ZodError || attempts > QUEUE_POLICY['export.run'].retryLimit;
    await db.export.update({
      where: { id: row.id },
      data: final ? { status: 'failed', error: message, finishedAt: new Date() } : { status: 'queued', error: `attempt ${attempts} failed, retrying: ${message}` },
    });
    if (final) return { status: 'failed', error: message };
    throw e;
  }
}
