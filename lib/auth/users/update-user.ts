import { z } from 'zod';
import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../../errors';
import { recordAudit } from '../../audit/record-event';
import { ROLES } from '../permissions';
import type { UserView } from './create-user';
import { hashUserPassword, passwordSchema } from './password';

export const updateUserSchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    role: z.enum(ROLES).optional(),
    disabled: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'nothing to change');
export type UpdateUserInput = z.input<typeof updateUserSchema>;

/**
 * Changes a user's name, role, disabled flag or password. Disabling or a new password ends the
 * user's sessions; a new password, disabling and re-enabling revoke the user's API tokens; the last active admin cannot be demoted or disabled (nobody could undo it).
 */
export async function updateUser(db: PrismaClient, opts: { actorId: string | null; userId: string; input: UpdateUserInput }): Promise<UserView> {
  const input = updateUserSchema.parse(opts.input);
  const hash = input.password ? await hashUserPassword(input.password) : undefined;
  return db.$transaction(async (tx) => {
    // Serialises concurrent admin changes, so two admins cannot demote each other at once.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707370)`;
    const before = await tx.user.findUnique({ where: { id: opts.userId } });
    if (!before) throw new AppError('NOT_FOUND', `No user ${opts.userId}`);
    const losesAdmin = before.role === 'admin' && !before.disabled && (input.role === 'reviewer' || input.disabled === true);
    if (losesAdmin) {
      const admins = await tx.user.count({ where: { role: 'admin', disabled: false } });
      if (admins <= 1) throw new AppError('CONFLICT', 'This is the last active admin: make another admin first.');
    }
    const user = await tx.user.update({ where: { id: opts.userId }, data: { name: input.name, role: input.role, disabled: input.disabled } });
    if (hash) {
      const updated = await tx.account.updateMany({ where: { userId: user.id, providerId: 'credential' }, data: { password: hash } });
      if (updated.count === 0) {
        await tx.account.create({ data: { id: crypto.randomUUID(), userId: user.id, accountId: user.id, providerId: 'credential', password: hash } });
      }
    }
    if (hash || input.disabled === true) await tx.session.deleteMany({ where: { userId: user.id } });
    // A reset password or a disable/re-enable also revokes the user's API tokens: a token must
    // not outlive the credentials it was made under, nor come back to life with the account.
    const togglesDisabled = input.disabled !== undefined && input.disabled !== before.disabled;
    const revoked = hash || togglesDisabled ? (await tx.apiToken.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } })).count : 0;
    const changes: Record<string, unknown> = {};
    if (input.name !== undefined && input.name !== before.name) changes.name = { from: before.name, to: input.name };
    if (input.role !== undefined && input.role !== before.role) changes.role = { from: before.role, to: input.role };
    if (input.disabled !== undefined && input.disabled !== before.disabled) changes.disabled = { from: before.disabled, to: input.disabled };
    if (hash) changes.password = 'reset';
    if (revoked > 0) changes.tokensRevoked = revoked;
    await recordAudit(tx, { actorId: opts.actorId, action: 'user.update', subjectType: 'user', subjectId: user.id, data: { email: user.email, changes } as never });
    return { id: user.id, email: user.email, name: user.name, role: user.role, disabled: user.disabled, createdAt: user.createdAt.toISOString() };
  });
}
