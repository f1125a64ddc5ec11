import type { PrismaClient } from '@/generated/prisma/client';

export type ApiTokenView = {
  id: number;
  name: string;
  prefix: string;
  user: { id: string; email: string };
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
};

/** A user's tokens, or everyone's (for users:manage). Never includes the token or its hash. */
export async function listApiTokens(db: PrismaClient, opts: { userId?: string }): Promise<ApiTokenView[]> {
  const rows = await db.apiToken.findMany({
    where: opts.userId ? { userId: opts.userId } : {},
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 500,
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true, user: { select: { id: true, email: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    user: r.user,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    expiresAt: r.expiresAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}
