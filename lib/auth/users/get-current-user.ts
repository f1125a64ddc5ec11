import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../../errors';
import type { UserView } from './create-user';

export async function getCurrentUser(db: PrismaClient, id: string): Promise<UserView> {
  const u = await db.user.findUnique({ where: { id } });
  if (!u) throw new AppError('NOT_FOUND', 'Your account no longer exists');
  return { id: u.id, email: u.email, name: u.name, role: u.role, disabled: u.disabled, createdAt: u.createdAt.toISOString() };
}
