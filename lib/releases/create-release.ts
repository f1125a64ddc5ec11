import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { z } from 'zod';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import { recordAudit } from '../audit/record-event';
import { config } from '../config';
import { withRawClient } from '../db/raw-client';
import { AppError } from '../errors';
import { curationSummary } from '../export/curation-summary';
import { datasetCard } from '../export/dataset-card';
import { exportOptionsSchema } from '../export/export-options';
import { parquetColumnNames } from '../export/parquet-sink';
import { writeExport } from '../export/write-export';
import { manifestPathFor } from '../export/manifest';
import { releaseNameSchema } from './release-name';

export const createReleaseSchema = exportOptionsSchema.and(z.object({ name: releaseNameSchema, description: z.string().max(4000).optional() }));
export type CreateReleaseInput = z.input<typeof createReleaseSchema>;

export function releasesDir(): string {
  return path.join(config().dataDir, 'releases');
}

/**
 * Saves an export as a named, immutable release: the data file, its manifest and a Hugging Face
 * dataset card in `releases/<name>/` (made read-only), and in the database the release with the
 * id and accepted CoT version of every record, read in the same snapshot as the file. The rows
 * are inserted once; a trigger refuses any later UPDATE or DELETE.
 */
export async function createRelease(db: PrismaClient, input: CreateReleaseInput, actorId: string | null) {
  const req = createReleaseSchema.parse(input);
  const dataset = await db.dataset.findUnique({ where: { id: req.filter.dataset } });
  if (!dataset) throw new AppError('NOT_FOUND', `Dataset ${req.filter.dataset} not found`);
  if (await db.release.findUnique({ where: { name: req.name } })) throw new AppError('CONFLICT', `A release named "${req.name}" already exists; releases are immutable, pick another name`);

  const dir = path.join(releasesDir(), req.name);
  // A folder without a release row is what a crashed attempt left: it is redone from scratch.
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const dataFile = path.join(dir, `data.${req.fileFormat}`);
  const itemIds: number[] = [];
  const versionIds: (number | null)[] = [];
  const statuses: string[] = [];
  const reviewedAts: (string | null)[] = [];
  try {
    const manifest = await withRawClient((client) =>
      writeExport(client, {
        ...req,
        outPath: dataFile,
        onRecord: (row) => {
          itemIds.push(Number(row.itemId));
          versionIds.push(row.acceptedVersionId ? Number(row.acceptedVersionId) : null);
          statuses.push(row.reviewStatus ?? 'pending');
          reviewedAts.push(row.reviewedAt ?? null);
        },
      }),
    );
    const columns = req.fileFormat === 'parquet' ? parquetColumnNames({ process: req.format === 'sft', passRate: !!req.passRate, lineage: !!req.lineage }) : Object.keys(JSON.parse(firstLine(dataFile, req.fileFormat)) as object);
    const card = datasetCard({ name: req.name, manifest, curation: await curationSummary(db, dataset.id), columns, description: req.description });
    fs.writeFileSync(path.join(dir, 'README.md'), card);
    const files = [path.basename(dataFile), path.basename(manifestPathFor(dataFile)), 'README.md'];
    for (const f of files) fs.chmodSync(path.join(dir, f), 0o444);

    return await db.$transaction(async (tx) => {
      const release = await tx.release.create({
        data: {
          name: req.name,
          datasetId: dataset.id,
          datasetName: dataset.name,
          options: { format: req.format, fileFormat: req.fileFormat, filter: req.filter, foldOptions: req.foldOptions ?? null, passRate: !!req.passRate, lineage: !!req.lineage, includeContaminated: !!req.includeContaminated },
          dir,
          files,
          manifest,
          itemCount: itemIds.length,
          createdById: actorId,
        },
      });
      await kdb(tx)
        .insertInto('release_item')
        .columns(['release_id', 'item_id', 'cot_version_id', 'review_status', 'reviewed_at'])
        .expression(sql`SELECT ${release.id}::int, * FROM unnest(${itemIds}::int[], ${versionIds}::int[], ${statuses}::text[], ${reviewedAts}::timestamptz[])`)
        .execute();
      await recordAudit(tx, { actorId, action: 'release.create', subjectType: 'release', subjectId: release.id, data: { name: req.name, dataset: dataset.name, records: itemIds.length } });
      return release;
    });
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    if ((e as { code?: string }).code === 'P2002') throw new AppError('CONFLICT', `A release named "${req.name}" already exists`);
    throw e;
  }
}

function firstLine(file: string, fileFormat: string): string {
  const text = fs.readFileSync(file, 'utf8');
  if (fileFormat === 'json') {
    const arr = JSON.parse(text) as unknown[];
    return JSON.stringify(arr[0] ?? {});
  }
  return text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n')) || '{}';
}
