import { describe, expect, it } from 'vitest';
import { testDb } from '../../support/db';
import { createUser } from '@/lib/auth/users/create-user';
import { updateUser } from '@/lib/auth/users/update-user';
import { ensureFirstAdmin } from '@/lib/auth/users/ensure-first-admin';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';
import { createTestDatabase } from '../../support/test-database';
import { makeUser, sessionCookie, signInRequest } from './helpers';

const db = testDb();

describe('managing users', () => {
  it('refuses a second account with the same email (any case)', async () => {
    const u = await makeUser(db, 'reviewer');
    await expect(createUser(db, { actorId: null, input: { email: u.email.toUpperCase(), name: 'x', role: 'reviewer', password: 'password-123' } })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('names what is wrong with a bad new user', async () => {
    await expect(createUser(db, { actorId: null, input: { email: 'not-an-email', name: 'x', role: 'reviewer', password: 'short' } })).rejects.toThrow(/email[\s\S]*password|password[\s\S]*email/);
  });

  it('a new password works, the old one stops, and open sessions end', async () => {
    const a = await makeUser(db, 'admin');
    const u = await makeUser(db, 'reviewer');
    await sessionCookie(u.email, u.password);
    expect(await db.session.count({ where: { userId: u.id } })).toBe(1);
    await updateUser(db, { actorId: a.id, userId: u.id, input: { password: 'brand-new-password' } });
    expect(await db.session.count({ where: { userId: u.id } })).toBe(0);
    expect((await signInRequest(u.email, u.password)).status).toBe(401);
    expect((await signInRequest(u.email, 'brand-new-password')).status).toBe(200);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'user.update', subjectId: u.id } });
    expect(audit.actorId).toBe(a.id);
    expect(JSON.stringify(audit.data)).not.toContain('brand-new-password');
  });

  it('never leaves the studio without an active admin', async () => {
    // A database of its own: the rule counts every admin, and other files' admins live in the shared one.
    const own = await createTestDatabase('lastadmin');
    const solo = new PrismaClient({ adapter: new PrismaPg({ connectionString: own.url }) });
    try {
      const first = await ensureFirstAdmin(solo, { email: 'only-admin@cot.test', password: 'only-admin-pw' });
      expect(first).toMatchObject({ created: true, email: 'only-admin@cot.test', generated: false });
      const me = await solo.user.findUniqueOrThrow({ where: { email: 'only-admin@cot.test' } });
      await expect(updateUser(solo, { actorId: me.id, userId: me.id, input: { role: 'reviewer' } })).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(updateUser(solo, { actorId: me.id, userId: me.id, input: { disabled: true } })).rejects.toMatchObject({ code: 'CONFLICT' });
      // With a second admin, the first may step down.
      const second = await createUser(solo, { actorId: me.id, input: { email: 'second@cot.test', name: 's', role: 'admin', password: 'second-admin-pw' } });
      await updateUser(solo, { actorId: second.id, userId: me.id, input: { role: 'reviewer' } });
      expect((await solo.user.findUniqueOrThrow({ where: { id: me.id } })).role).toBe('reviewer');
      // …and a generated first-admin password is never created twice.
      expect(await ensureFirstAdmin(solo, {})).toEqual({ created: false });
    } finally {
      await solo.$disconnect();
      await own.drop();
    }
  });

  it('creates the first admin only when there is none, and never changes an existing one', async () => {
    // This database already has admins (other tests), so set-up must do nothing.
    expect(await ensureFirstAdmin(db, { email: 'someone-else@cot.test', password: 'whatever-123' })).toEqual({ created: false });
    expect(await db.user.findUnique({ where: { email: 'someone-else@cot.test' } })).toBeNull();
  });
});
