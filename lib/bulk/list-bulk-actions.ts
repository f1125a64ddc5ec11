import type { PrismaClient } from '@/generated/prisma/client';

/** A dataset's recent bulk actions (newest first), applied or undone, for the history and undo. */
export async function listBulkActions(db: PrismaClient, opts: { datasetId: number; limit?: number }) {
  const rows = await db.bulkAction.findMany({
    where: { datasetId: opts.datasetId, state: { in: ['applied', 'undone'] } },
    orderBy: { id: 'desc' },
    take: Math.min(opts.limit ?? 10, 100),
    // item_ids can hold 300K ids: never read it here.
    select: {
      id: true, type: true, params: true, selection: true, count: true, skipped: true, state: true, sampleId: true, restored: true, conflicts: true,
      createdById: true, appliedById: true, appliedAt: true, undoneAt: true, undoneById: true,
    },
  });
  const userIds = [...new Set(rows.flatMap((r) => [r.appliedById, r.undoneById]).filter((x): x is string => !!x))];
  const users = userIds.length ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [];
  const name = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    params: r.params,
    selection: r.selection,
    count: r.count,
    skipped: r.skipped,
    state: r.state,
    sampleId: r.sampleId,
    restored: r.restored,
    conflicts: r.conflicts,
    appliedAt: r.appliedAt?.toISOString() ?? null,
    appliedBy: r.appliedById ? (name.get(r.appliedById) ?? r.appliedById) : null,
    undoneAt: r.undoneAt?.toISOString() ?? null,
    undoneBy: r.undoneById ? (name.get(r.undoneById) ?? r.undoneById) : null,
  }));
}

export type BulkActionSummary = Awaited<ReturnType<typeof listBulkActions>>[number];
