import type { PrismaClient } from '@/generated/prisma/client';
import type { ContaminationReason } from './find-contamination';
import type { DuplicateAssignment } from './find-duplicates';

/**
 * Replaces the dataset's duplicate clusters and contamination flags with a scan's findings, in
 * one transaction and set-based: items no longer found are cleared, only changed rows written.
 * (Not review state: rev and updated_at stay as they are.)
 */
export async function writeFindings(db: PrismaClient, datasetId: number, dup: DuplicateAssignment, contamination: Map<number, ContaminationReason[]> | null): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(
      `UPDATE item SET duplicate_cluster = NULL, duplicate_of = NULL
        WHERE dataset_id = $1 AND duplicate_cluster IS NOT NULL AND NOT (id = ANY($2::int[]))`,
      datasetId,
      dup.itemIds,
    );
    await tx.$executeRawUnsafe(
      `UPDATE item i SET duplicate_cluster = u.c, duplicate_of = u.o
         FROM unnest($2::int[], $3::int[], $4::int[]) AS u(id, c, o)
        WHERE i.id = u.id AND i.dataset_id = $1
          AND (i.duplicate_cluster IS DISTINCT FROM u.c OR i.duplicate_of IS DISTINCT FROM u.o)`,
      datasetId,
      dup.itemIds,
      dup.clusters,
      dup.duplicateOf,
    );
    if (!contamination) return;
    const ids = [...contamination.keys()];
    await tx.$executeRawUnsafe(
      `UPDATE item SET contaminated = false, contamination = NULL
        WHERE dataset_id = $1 AND contaminated AND NOT (id = ANY($2::int[]))`,
      datasetId,
      ids,
    );
    await tx.$executeRawUnsafe(
      `UPDATE item i SET contaminated = true, contamination = u.why
         FROM unnest($2::int[], $3::jsonb[]) AS u(id, why)
        WHERE i.id = u.id AND i.dataset_id = $1 AND (NOT i.contaminated OR i.contamination IS DISTINCT FROM u.why)`,
      datasetId,
      ids,
      ids.map((id) => JSON.stringify(contamination.get(id))),
    );
  });
}
