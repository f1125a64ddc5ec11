import type { PrismaClient } from '@/generated/prisma/client';
import { sampleVerdict, tallySample } from './sample-status';

/** A dataset's acceptance samples, newest first, each with its tally and current interval. */
export async function listSamples(db: PrismaClient, opts: { datasetId: number; limit?: number }) {
  const samples = await db.acceptanceSample.findMany({ where: { datasetId: opts.datasetId }, orderBy: { id: 'desc' }, take: Math.min(opts.limit ?? 20, 100) });
  return Promise.all(
    samples.map(async (s) => {
      const tally = await tallySample(db, s.id);
      const v = sampleVerdict(s, tally);
      return {
        id: s.id,
        filter: s.filter,
        confidence: s.confidence,
        margin: s.margin,
        bar: s.bar,
        population: s.population,
        size: s.size,
        state: s.state,
        createdAt: s.createdAt.toISOString(),
        decidedAt: s.decidedAt?.toISOString() ?? null,
        tally,
        interval: v.interval,
        canAcceptRest: v.canAcceptRest,
      };
    }),
  );
}

export type SampleSummary = Awaited<ReturnType<typeof listSamples>>[number];
