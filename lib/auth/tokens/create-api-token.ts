import { z } from 'zod';
import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../../errors';
import { recordAudit } from '../../audit/record-event';
import { displayPrefix, hashToken, newToken } from './token-format';

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(100),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

export type CreatedApiToken = { id: number; name: string; prefix: string; token: string; expiresAt: string | null; createdAt: string };

/** Makes a token for the user; the only time the token itself is returned. */
export async function createApiToken(db: PrismaClient, opts: { userId: string; input: CreateApiTokenInput }): Promise<CreatedApiToken> {
  const input = createApiTokenSchema.parse(opts.input);
  const token = newToken();
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: opts.userId }, select: { disabled: true } });
    if (!user || user.disabled) throw new AppError('FORBIDDEN', 'A disabled account cannot create tokens');
    const row = await tx.apiToken.create({
      data: {
        userId: opts.userId,
        name: input.name,
        prefix: displayPrefix(token),
        tokenHash: hashToken(token),
        expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
      },
    });
    await recordAudit(tx, { actorId: opts.userId, action: 'token.create', subjectType: 'api_token', subjectId: row.id, data: { name: row.name, prefix: row.prefix } });
    return { id: row.id, name: row.name, prefix: row.prefix, token, expiresAt: row.expiresAt?.toISOString() ?? null, createdAt: row.createdAt.toISOString() };
  });
}
