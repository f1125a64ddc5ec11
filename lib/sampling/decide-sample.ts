import { sql } from 'kysely';
import { Prisma } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import { AppError } from '../errors';
import { sampleVerdict, tallySample } from './sample-status';

/** What the audit event and the export manifest keep about an acceptance decision. */
export type SampleDecision = {
  sampleId: number;
  filter: string;
  population: number;
  size: number;
  seed: string;
  confidence: number;
  margin: number;
  bar: number;
  good: number;
  bad: number;
  skipped: number;
  estimate: number;
  low: number;
  high: number;
};

/**
 * Called inside the transaction that accepts the rest of a sample: checks again, under a row
 * lock, that every sampled item is decided and the interval's lower bound clears the bar, then
 * records the decision on the sample. Throws CONFLICT when that is no longer true.
 */
export async function decideSample(
  tx: Prisma.TransactionClient,
  opts: { sampleId: number; bulkActionId: number; actorId: string | null },
): Promise<SampleDecision> {
  const sample = await kdb(tx)
    .selectFrom('acceptance_sample')
    .select(['id', 'filter', 'population', 'size', 'seed', 'confidence', 'margin', 'bar', sql<string>`state::text`.as('state')])
    .where('id', '=', opts.sampleId)
    .forUpdate()
    .executeTakeFirst();
  if (!sample) throw new AppError('NOT_FOUND', `Sample ${opts.sampleId} not found`);
  if (sample.state !== 'open') throw new AppError('CONFLICT', `Sample ${sample.id} is ${sample.state}; its rest was already decided`);
  const tally = await tallySample(tx, sample.id);
  const v = sampleVerdict(sample, tally);
  if (!v.complete) throw new AppError('CONFLICT', `Sample ${sample.id} still has ${tally.pending} undecided items`);
  if (!v.aboveBar) {
    throw new AppError('CONFLICT', `The estimate's lower bound (${(v.interval.low * 100).toFixed(1)}%) is not above the bar (${(sample.bar * 100).toFixed(1)}%)`);
  }
  const decision: SampleDecision = {
    sampleId: sample.id,
    filter: sample.filter,
    population: sample.population,
    size: sample.size,
    seed: sample.seed,
    confidence: sample.confidence,
    margin: sample.margin,
    bar: sample.bar,
    good: tally.good,
    bad: tally.bad,
    skipped: tally.skipped,
    estimate: v.interval.estimate,
    low: v.interval.low,
    high: v.interval.high,
  };
  await tx.acceptanceSample.update({
    where: { id: sample.id },
    data: { state: 'accepted', decision, bulkActionId: opts.bulkActionId, decidedById: opts.actorId, decidedAt: new Date() },
  });
  return decision;
}

/** Undoing the bulk accept of a sample's rest reopens the sample (the audit log keeps the history). */
export async function reopenSample(tx: Prisma.TransactionClient, opts: { sampleId: number; bulkActionId: number }): Promise<void> {
  await tx.acceptanceSample.updateMany({
    where: { id: opts.sampleId, bulkActionId: opts.bulkActionId, state: 'accepted' },
    data: { state: 'open', decision: Prisma.DbNull, bulkActionId: null, decidedById: null, decidedAt: null },
  });
}
