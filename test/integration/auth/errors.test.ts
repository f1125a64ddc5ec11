import { describe, expect, it } from 'vitest';
import { testDb } from '../../support/db';
import { handle } from '@/lib/http/handle';
import { auth } from '@/lib/auth/better-auth';

const db = testDb();

describe('errors never leak internals', () => {
  it('a database error becomes a generic 500 with a reference, without SQL or a stack', async () => {
    const res = await handle(async () => {
      await db.$queryRawUnsafe('SELECT definitely_not_a_column FROM "user" WHERE password_hash = 1');
      return new Response('unreachable');
    });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text).error.message).toMatch(/^Something went wrong on the server \(reference [a-z0-9]+\)\.$/);
    for (const leak of ['SELECT', 'definitely_not_a_column', 'password_hash', 'at ', '.ts:', 'prisma', 'Prisma']) expect(text).not.toContain(leak);
  });

  it('the auth endpoints answer malformed input with a plain message, no stack', async () => {
    const res = await auth({ secure: false }).handler(
      new Request('http://studio.test/api/auth/sign-in/email', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email": 5' }),
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const text = await res.text();
    expect(text).not.toMatch(/\bat .*\.(m?js|ts):\d+/);
    expect(text).not.toContain('node_modules');
  });
});
