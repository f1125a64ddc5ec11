import type { PrismaClient } from '@/generated/prisma/client';
import type { SampleDecision } from './decide-sample';

export type SamplingManifestEntry = SampleDecision & {
  /** The bulk action that accepted the rest, how many items it accepted, when and by whom. */
  bulkActionId: number;
  acceptedItems: number;
  decidedAt: string;
  decidedById: string | null;
};

/**
 * Acceptance decisions made by sampling in a dataset and still in force (their bulk accept not
 * undone), for the export manifest: the sample, the estimate with its interval and the bar.
 * Export calls this and writes the list under the manifest's "acceptanceSampling" key.
 */
export async function samplingDecisionsForManifest(db: PrismaClient, opts: { datasetId: number }): Promise<SamplingManifestEntry[]> {
  const samples = await db.acceptanceSample.findMany({
    where: { datasetId: opts.datasetId, state: 'accepted', bulkActionId: { not: null } },
    orderBy: { id: 'asc' },
  });
  const actions = await db.bulkAction.findMany({
    where: { id: { in: samples.map((s) => s.bulkActionId!) }, state: 'applied' },
    select: { id: true, count: true },
  });
  const applied = new Map(actions.map((a) => [a.id, a.count]));
  return samples.flatMap((s) => {
    const count = applied.get(s.bulkActionId!);
    if (count === undefined || !s.decision || !s.decidedAt) return [];
    return [{ ...(s.decision as SampleDecision), bulkActionId: s.bulkActionId!, acceptedItems: count, decidedAt: s.decidedAt.toISOString(), decidedById: s.decidedById }];
  });
}
