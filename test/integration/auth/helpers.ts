import { auth } from '@/lib/auth/better-auth';
import { createUser } from '@/lib/auth/users/create-user';
import type { PrismaClient } from '@/generated/prisma/client';
import { uniq } from '../../support/db';

export const ORIGIN = 'http://studio.test';

export async function makeUser(db: PrismaClient, role: 'admin' | 'reviewer', password = 'correct-horse-1') {
  const email = `${uniq(role)}@cot.test`;
  const user = await createUser(db, { actorId: null, input: { email, name: role, role, password } });
  return { ...user, password };
}

/** Signs in through better-auth's HTTP handler, as the browser would; returns the raw response. */
export function signInRequest(email: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
  return auth({ secure: false }).handler(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', host: 'studio.test', ...headers },
      body: JSON.stringify({ email, password }),
    }),
  );
}

/** The Cookie header a browser would send after this sign-in. */
export async function sessionCookie(email: string, password: string): Promise<string> {
  const res = await signInRequest(email, password);
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
