import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../../errors';
import { recordAudit } from '../../audit/record-event';
import type { RequestUser } from '../request-user';
import { can } from '../permissions';

/** Revokes a token: its owner may, and so may anyone with users:manage. Revoking twice is a no-op. */
export async function revokeApiToken(db: PrismaClient, opts: { actor: RequestUser; tokenId: number }): Promise<{ id: number; revokedAt: string }> {
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id: opts.tokenId } });
    // Someone else's token is "not found" rather than "forbidden", so ids cannot be probed.
    if (!token || (token.userId !== opts.actor.id && !can(opts.actor.role, 'users:manage'))) throw new AppError('NOT_FOUND', `No API token ${opts.tokenId}`);
    if (token.revokedAt) return { id: token.id, revokedAt: token.revokedAt.toISOString() };
    const row = await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { actorId: opts.actor.id, action: 'token.revoke', subjectType: 'api_token', subjectId: token.id, data: { name: token.name, prefix: token.prefix, ownerId: token.userId } });
    return { id: row.id, revokedAt: row.revokedAt!.toISOString() };
  });
}
