import { auth } from '@/lib/auth/better-auth';
import { createUser } from '@/lib/auth/users/create-user';
import type { PrismaClient } from '@/generated/prisma/client';
import crypto from 'node:crypto';
import { uniq } from '../../support/db';
import { CLIENT_ADDRESS_HEADER, trustClientAddressHeader } from '@/lib/http/client-address';

// Requests here stand in for ones the studio's web server resolved the client address of.
trustClientAddressHeader();

/** A made-up client address, unique per call: tests never share throttle counters by accident. */
export function someAddress(): string {
  const b = crypto.randomBytes(3);
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

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
      headers: { 'content-type': 'application/json', host: 'studio.test', [CLIENT_ADDRESS_HEADER]: someAddress(), ...headers },
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
