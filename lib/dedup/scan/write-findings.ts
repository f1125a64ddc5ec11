import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import type { ContaminationReason } from './find-contamination';
import type { DuplicateAssignment } from './find-duplicates';

/**
 * Replaces the dataset's duplicate clusters and contamination flags with a scan's findings, in
 * one transaction and set-based: items no longer found are cleared, only changed rows written.
 * (Not review state: rev and updated_at stay as they are.)
 */
export async function writeFindings(db: PrismaClient, datasetId: number, dup: DuplicateAssignment, contamination: Map<number, ContaminationReason[]> | null): Promise<void> {
  await db.$transaction(async (tx) => {
    const k = kdb(tx);
    await k
      .updateTable('item')
      .set({ duplicate_cluster: null, duplicate_of: null })
      .where('dataset_id', '=', datasetId)
      .where('duplicate_cluster', 'is not', null)
      .where(sql<boolean>`NOT (id = ANY(${dup.itemIds}::int[]))`)
      .execute();
    await k
      .updateTable('item as i')
      .from(sql<{ id: number; c: number; o: number | null }>`(SELECT * FROM unnest(${dup.itemIds}::int[], ${dup.clusters}::int[], ${dup.duplicateOf}::int[]) AS t(id, c, o))`.as('u'))
      .set((eb) => ({ duplicate_cluster: eb.ref('u.c'), duplicate_of: eb.ref('u.o') }))
      .whereRef('i.id', '=', 'u.id')
      .where('i.dataset_id', '=', datasetId)
      .where(sql<boolean>`(i.duplicate_cluster IS DISTINCT FROM u.c OR i.duplicate_of IS DISTINCT FROM u.o)`)
      .execute();
    if (!contamination) return;
    const ids = [...contamination.keys()];
    await k
      .updateTable('item')
      .set({ contaminated: false, contamination: null })
      .where('dataset_id', '=', datasetId)
      .where('contaminated', '=', true)
      .where(sql<boolean>`NOT (id = ANY(${ids}::int[]))`)
      .execute();
    const why = ids.map((id) => JSON.stringify(contamination.get(id)));
    await k
      .updateTable('item as i')
      .from(sql<{ id: number; why: unknown }>`(SELECT * FROM unnest(${ids}::int[], ${why}::jsonb[]) AS t(id, why))`.as('u'))
      .set((eb) => ({ contaminated: true, contamination: eb.ref('u.why') }))
      .whereRef('i.id', '=', 'u.id')
      .where('i.dataset_id', '=', datasetId)
      .where(sql<boolean>`(NOT i.contaminated OR i.contamination IS DISTINCT FROM u.why)`)
      .execute();
  });
}
