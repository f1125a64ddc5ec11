import { describe, expect, it } from 'vitest';
import { testDb } from '../../support/db';
import { createApiToken } from '@/lib/auth/tokens/create-api-token';
import { verifyApiToken } from '@/lib/auth/tokens/verify-api-token';
import { updateUser } from '@/lib/auth/users/update-user';
import { makeUser } from '../auth/helpers';

// Finding 6 of the outside security test: API tokens survived a password reset, and re-enabling
// an account silently revived its old tokens.

const db = testDb();

describe('API tokens', () => {
  it('stop working for good when an admin resets the owner’s password', async () => {
    const admin = await makeUser(db, 'admin');
    const u = await makeUser(db, 'reviewer');
    const { token } = await createApiToken(db, { userId: u.id, input: { name: 'script' } });
    expect(await verifyApiToken(db, token)).not.toBeNull();
    await updateUser(db, { actorId: admin.id, userId: u.id, input: { password: 'a-fresh-password' } });
    expect(await verifyApiToken(db, token)).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'user.update', subjectId: u.id }, orderBy: { id: 'desc' } });
    expect(audit.data).toMatchObject({ changes: { tokensRevoked: 1 } });
  });

  it('do not come back when a disabled account is enabled again', async () => {
    const admin = await makeUser(db, 'admin');
    const u = await makeUser(db, 'reviewer');
    const { token } = await createApiToken(db, { userId: u.id, input: { name: 'script' } });
    await updateUser(db, { actorId: admin.id, userId: u.id, input: { disabled: true } });
    expect(await verifyApiToken(db, token)).toBeNull();
    await updateUser(db, { actorId: admin.id, userId: u.id, input: { disabled: false } });
    expect(await verifyApiToken(db, token)).toBeNull();
    expect(await db.apiToken.count({ where: { userId: u.id, revokedAt: null } })).toBe(0);
    // A token made after re-enabling works.
    const fresh = await createApiToken(db, { userId: u.id, input: { name: 'new' } });
    expect(await verifyApiToken(db, fresh.token)).not.toBeNull();
  });

  it('survive a name or role change', async () => {
    const admin = await makeUser(db, 'admin');
    const u = await makeUser(db, 'reviewer');
    const { token } = await createApiToken(db, { userId: u.id, input: { name: 'script' } });
    await updateUser(db, { actorId: admin.id, userId: u.id, input: { name: 'Renamed' } });
    expect(await verifyApiToken(db, token)).not.toBeNull();
  });
});
