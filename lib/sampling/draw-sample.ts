import crypto from 'node:crypto';
import { Prisma, type PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-event';
import { itemFilterToSearchParams, parseItemFilter, type ItemFilter } from '../items/filter';
import { matchingItemIdsSql } from '../items/filter-sql';
import { sampleSize } from './sample-size';
import type { DrawSampleBody } from './sample-input';

/** The population a sample estimates: the filter's pending items (the ones awaiting a decision). */
export function samplePopulationFilter(filterUrl: string): ItemFilter {
  const f = parseItemFilter(new URLSearchParams(filterUrl));
  if (f.sample !== undefined) throw new AppError('BAD_REQUEST', 'filter: this view is already a sample; draw from the filter it came from');
  return { ...f, status: ['pending'], sort: 'id', dir: 'asc' };
}

/**
 * Draws a uniform random sample of a filter's pending items, sized for the confidence and margin
 * asked for, and records it. Items are ranked by md5(seed || id), a uniform pseudo-random order
 * the seed reproduces; counting and drawing share one snapshot (repeatable read).
 */
export async function drawSample(db: PrismaClient, opts: DrawSampleBody & { actorId: string | null; seed?: string }) {
  const filter = samplePopulationFilter(opts.filter);
  const dataset = await db.dataset.findUnique({ where: { id: filter.dataset }, select: { id: true } });
  if (!dataset) throw new AppError('NOT_FOUND', `Dataset ${filter.dataset} not found`);
  const seed = opts.seed ?? crypto.randomBytes(8).toString('hex');
  const filterUrl = itemFilterToSearchParams(filter).toString();
  return db.$transaction(
    async (tx) => {
      const matching = matchingItemIdsSql(filter);
      const [row] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (${matching}) m`;
      const population = row?.n ?? 0;
      if (population === 0) throw new AppError('BAD_REQUEST', 'filter: no pending items match, so there is nothing to sample');
      const size = sampleSize({ confidence: opts.confidence, margin: opts.margin, population });
      const sample = await tx.acceptanceSample.create({
        data: {
          datasetId: filter.dataset,
          filter: filterUrl,
          confidence: opts.confidence,
          margin: opts.margin,
          bar: opts.bar,
          seed,
          population,
          size,
          createdById: opts.actorId,
        },
      });
      await tx.$executeRaw`
        INSERT INTO acceptance_sample_item (sample_id, item_id)
        SELECT ${sample.id}, m.id FROM (${matching}) m ORDER BY md5(${seed} || m.id::text) LIMIT ${size}`;
      await recordAudit(tx, {
        actorId: opts.actorId,
        action: 'sample.draw',
        subjectType: 'acceptance_sample',
        subjectId: sample.id,
        data: { datasetId: filter.dataset, filter: filterUrl, confidence: opts.confidence, margin: opts.margin, bar: opts.bar, population, size, seed },
      });
      return { id: sample.id, datasetId: filter.dataset, population, size, seed };
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 120_000 },
  );
}
