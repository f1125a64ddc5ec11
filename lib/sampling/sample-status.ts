import { sql } from 'kysely';
import { Prisma, type PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import { AppError } from '../errors';
import { matchingItemsSql } from '../items/filter-sql';
import { samplePopulationFilter } from './draw-sample';
import { wilsonInterval, type Interval } from './wilson';

type Db = PrismaClient | Prisma.TransactionClient;

export type SampleTally = { good: number; bad: number; skipped: number; pending: number };

/** Decisions so far on a sample's items: accepted counts as good, rejected as bad; skipped items leave the estimate. */
export async function tallySample(db: Db, sampleId: number): Promise<SampleTally> {
  const t = await kdb(db)
    .selectFrom('acceptance_sample_item as s')
    .innerJoin('item as i', 'i.id', 's.item_id')
    .select([
      sql<number>`count(*) FILTER (WHERE i.review_status = 'accepted')::int`.as('good'),
      sql<number>`count(*) FILTER (WHERE i.review_status = 'rejected')::int`.as('bad'),
      sql<number>`count(*) FILTER (WHERE i.review_status = 'skipped')::int`.as('skipped'),
      sql<number>`count(*) FILTER (WHERE i.review_status = 'pending')::int`.as('pending'),
    ])
    .where('s.sample_id', '=', sampleId)
    .executeTakeFirst();
  return t ?? { good: 0, bad: 0, skipped: 0, pending: 0 };
}

export type SampleVerdict = {
  interval: Interval;
  /** Every sampled item has a decision (the size was chosen for the full sample). */
  complete: boolean;
  /** The interval's lower bound is above the bar. */
  aboveBar: boolean;
  canAcceptRest: boolean;
};

export function sampleVerdict(s: { confidence: number; bar: number; state: string }, t: SampleTally): SampleVerdict {
  const interval = wilsonInterval(t.good, t.good + t.bad, s.confidence);
  const complete = t.pending === 0 && t.good + t.bad > 0;
  const aboveBar = interval.low > s.bar;
  return { interval, complete, aboveBar, canAcceptRest: s.state === 'open' && complete && aboveBar };
}

/** Items "accept the rest" would change: the population's pending items outside the sample. Over `i`. */
export function outsideSampleSql(sampleId: number): Prisma.Sql {
  return Prisma.sql`NOT EXISTS (SELECT 1 FROM acceptance_sample_item s WHERE s.sample_id = ${sampleId} AND s.item_id = i.id)`;
}

/** A sample with its tally, its Wilson interval as decisions come in, and how many items the rest is now. */
export async function getSampleStatus(db: PrismaClient, id: number) {
  const sample = await db.acceptanceSample.findUnique({ where: { id } });
  if (!sample) throw new AppError('NOT_FOUND', `Sample ${id} not found`);
  const tally = await tallySample(db, id);
  const verdict = sampleVerdict(sample, tally);
  // The sample's own items are no longer pending once decided, so "pending and not sampled" is the rest.
  const restFilter = samplePopulationFilter(sample.filter);
  const [rest] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (${matchingItemsSql(restFilter, Prisma.sql`i.id`, outsideSampleSql(id))}) m`;
  return {
    id: sample.id,
    datasetId: sample.datasetId,
    filter: sample.filter,
    confidence: sample.confidence,
    margin: sample.margin,
    bar: sample.bar,
    population: sample.population,
    size: sample.size,
    seed: sample.seed,
    state: sample.state,
    decision: sample.decision,
    bulkActionId: sample.bulkActionId,
    createdAt: sample.createdAt.toISOString(),
    decidedAt: sample.decidedAt?.toISOString() ?? null,
    tally,
    ...verdict,
    rest: rest?.n ?? 0,
  };
}

export type SampleStatus = Awaited<ReturnType<typeof getSampleStatus>>;
