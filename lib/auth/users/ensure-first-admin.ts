import type { PrismaClient } from '@/generated/prisma/client';
import { createUser } from './create-user';
import { generatePassword } from './password';

export const DEFAULT_ADMIN_EMAIL = 'admin@cot.local';

export type FirstAdmin = { created: false } | { created: true; email: string; password: string; generated: boolean };

/**
 * Set-up: when no admin exists, creates one from the given credentials, or with a generated
 * password that the caller prints once (it is stored only as a hash). Never touches an
 * existing account, so restarting with different env values changes nothing.
 */
export async function ensureFirstAdmin(db: PrismaClient, opts: { email?: string; password?: string }): Promise<FirstAdmin> {
  if ((await db.user.count({ where: { role: 'admin' } })) > 0) return { created: false };
  const email = opts.email ?? DEFAULT_ADMIN_EMAIL;
  const password = opts.password ?? generatePassword();
  await createUser(db, { actorId: null, input: { email, name: 'Admin', role: 'admin', password } });
  return { created: true, email, password, generated: !opts.password };
}
