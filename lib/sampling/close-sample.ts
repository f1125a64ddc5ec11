import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-event';
import { tallySample } from './sample-status';

/**
 * Closes an open acceptance sample: it stays readable (its tally and interval), but its rest can
 * no longer be accepted. A finished sample (every sampled item decided) closes as "finished";
 * one with undecided items closes as abandoned, which the audit event records. An accepted
 * sample keeps its state: its decision is part of the export manifest. Reviewers close only the
 * samples they drew.
 */
export async function closeSample(db: PrismaClient, opts: { sampleId: number; actorId: string | null; isAdmin: boolean }): Promise<{ id: number; state: 'closed'; filter: string; finished: boolean }> {
  return db.$transaction(async (tx) => {
    const sample = await kdb(tx)
      .selectFrom('acceptance_sample')
      .select(['id', sql<string>`state::text`.as('state'), 'filter', 'created_by_id as createdById'])
      .where('id', '=', opts.sampleId)
      .forUpdate()
      .executeTakeFirst();
    if (!sample) throw new AppError('NOT_FOUND', `Sample ${opts.sampleId} not found`);
    if (!opts.isAdmin && sample.createdById !== opts.actorId) throw new AppError('FORBIDDEN', `Only the reviewer who drew sample ${sample.id} or an admin may close it`);
    if (sample.state !== 'open') throw new AppError('CONFLICT', `Sample ${sample.id} is already ${sample.state}`);
    const tally = await tallySample(tx, sample.id);
    const finished = tally.pending === 0;
    await tx.acceptanceSample.update({ where: { id: sample.id }, data: { state: 'closed', decidedById: opts.actorId, decidedAt: new Date() } });
    await recordAudit(tx, { actorId: opts.actorId, action: 'sample.close', subjectType: 'sample', subjectId: sample.id, data: { finished, ...tally } });
    return { id: sample.id, state: 'closed' as const, filter: sample.filter, finished };
  });
}
