import type { PrismaClient } from '@/generated/prisma/client';
import type { UserView } from './create-user';

export type UserListEntry = UserView & { activeTokens: number; lastSignInAt: string | null };

export async function listUsers(db: PrismaClient): Promise<UserListEntry[]> {
  const users = await db.user.findMany({
    orderBy: [{ disabled: 'asc' }, { role: 'asc' }, { email: 'asc' }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabled: true,
      createdAt: true,
      _count: { select: { apiTokens: { where: { revokedAt: null } } } },
      sessions: { orderBy: { createdAt: 'desc' }, take: 1, select: { createdAt: true } },
    },
  });
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    disabled: u.disabled,
    createdAt: u.createdAt.toISOString(),
    activeTokens: u._count.apiTokens,
    lastSignInAt: u.sessions[0]?.createdAt.toISOString() ?? null,
  }));
}
