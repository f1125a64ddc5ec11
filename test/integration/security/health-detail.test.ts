import { describe, expect, it } from 'vitest';
import { testDb } from '../../support/db';
import { GET as health } from '@/app/api/health/route';
import { accessFor, decide } from '@/lib/auth/permissions';

// Finding 10 of the outside security test: /api/health listed hostnames, worker PIDs and queue
// depth to anyone, and reviewers could open the import page with the server's media roots.

testDb();

describe('GET /api/health', () => {
  it('tells an anonymous caller the bare status only', async () => {
    const res = await health(new Request('http://studio.test/api/health'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: expect.stringMatching(/^(ok|degraded)$/) });
  });

  it('tells a reviewer no more', async () => {
    const res = await health(new Request('http://studio.test/api/health', { headers: { 'x-cot-user-id': 'r', 'x-cot-user-role': 'reviewer' } }));
    expect(Object.keys(await res.json())).toEqual(['status']);
  });

  it('gives a signed-in admin the database, queue and workers', async () => {
    const res = await health(new Request('http://studio.test/api/health', { headers: { 'x-cot-user-id': 'a', 'x-cot-user-role': 'admin' } }));
    const body = await res.json();
    expect(body.database.ok).toBe(true);
    expect(body).toHaveProperty('queue');
    expect(body).toHaveProperty('workers.list');
  });
});

describe('the import page', () => {
  it('is for admins only (it shows the server’s media roots)', () => {
    expect(decide(accessFor('GET', '/datasets/import').access, 'reviewer')).toBe('forbidden');
    expect(decide(accessFor('GET', '/datasets/import').access, 'admin')).toBe('allow');
    expect(decide(accessFor('GET', '/datasets').access, 'reviewer')).toBe('allow');
  });
});
