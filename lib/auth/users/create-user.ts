import crypto from 'node:crypto';
import { z } from 'zod';
import { Prisma, type PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../../errors';
import { recordAudit } from '../../audit/record-event';
import { ROLES } from '../permissions';
import { hashUserPassword, passwordSchema } from './password';

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('must be an email address')),
  name: z.string().trim().min(1, 'name is required').max(100),
  role: z.enum(ROLES),
  password: passwordSchema,
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export type UserView = { id: string; email: string; name: string; role: 'admin' | 'reviewer'; disabled: boolean; createdAt: string };

/** A user with an email + password login (better-auth's "credential" account), in one transaction. */
export async function createUser(db: PrismaClient, opts: { actorId: string | null; input: CreateUserInput }): Promise<UserView> {
  const input = createUserSchema.parse(opts.input);
  const hash = await hashUserPassword(input.password);
  const id = crypto.randomBytes(18).toString('base64url');
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { id, email: input.email, name: input.name, role: input.role, emailVerified: true } });
      await tx.account.create({ data: { id: crypto.randomBytes(18).toString('base64url'), userId: id, accountId: id, providerId: 'credential', password: hash } });
      await recordAudit(tx, { actorId: opts.actorId, action: 'user.create', subjectType: 'user', subjectId: id, data: { email: input.email, role: input.role } });
      return { id: user.id, email: user.email, name: user.name, role: user.role, disabled: user.disabled, createdAt: user.createdAt.toISOString() };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') throw new AppError('CONFLICT', `A user with the email ${input.email} already exists`);
    throw e;
  }
}
