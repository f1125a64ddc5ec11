import { Prisma, type PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';
import { prepareBulkAction, type PreparedBulkAction } from './prepare-bulk-action';
import { getSampleStatus, outsideSampleSql } from '../sampling/sample-status';

/**
 * "Accept the rest": prepares a bulk accept (revision, else draft) of the sample's population
 * that was not sampled and is still pending. Like every bulk action it shows its exact count
 * first; applying it re-checks the estimate and records it in the audit event. `restrict`
 * (a reviewer's assigned work) narrows the rest further, as in prepareBulkAction.
 */
export async function prepareAcceptRest(
  db: PrismaClient,
  opts: { sampleId: number; actorId: string | null; restrict?: Prisma.Sql; includeMismatched?: boolean },
): Promise<PreparedBulkAction> {
  const status = await getSampleStatus(db, opts.sampleId);
  if (status.state !== 'open') throw new AppError('CONFLICT', `Sample ${status.id} is ${status.state}; its rest was already decided`);
  if (!status.complete) throw new AppError('CONFLICT', `Decide every sampled item first: ${status.tally.pending} of ${status.size} are still pending`);
  if (!status.aboveBar) {
    throw new AppError('CONFLICT', `The estimate's lower bound (${(status.interval.low * 100).toFixed(1)}%) is not above the bar (${(status.bar * 100).toFixed(1)}%)`);
  }
  return prepareBulkAction(db, {
    selection: { kind: 'filter', filter: status.filter, exclude: [] },
    // Items whose CoT fails the answer check are left out unless the user ticked "include them".
    operation: { type: 'accept', version: 'revision-else-draft', includeMismatched: opts.includeMismatched ?? false },
    actorId: opts.actorId,
    sampleId: status.id,
    restrict: opts.restrict ? Prisma.sql`${outsideSampleSql(status.id)} AND ${opts.restrict}` : outsideSampleSql(status.id),
  });
}
