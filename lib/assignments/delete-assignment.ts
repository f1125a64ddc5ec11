import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-event';

/** Removes an assignment; the reviews made under it stay (they belong to the items). */
export async function deleteAssignment(db: PrismaClient, opts: { actorId: string | null; id: number }): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.assignment.findUnique({ where: { id: opts.id } });
    if (!row) throw new AppError('NOT_FOUND', `No assignment ${opts.id}`);
    await tx.assignment.delete({ where: { id: opts.id } });
    await recordAudit(tx, { actorId: opts.actorId, action: 'assignment.delete', subjectType: 'assignment', subjectId: opts.id, data: { name: row.name, filter: row.filter } });
  });
}
