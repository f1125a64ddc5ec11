import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { accessFor, can, decide, normalisePath, PERMISSIONS, ROLE_PERMISSIONS, ROUTE_RULES, type Permission } from '@/lib/auth/permissions';

const reviewer = (method: string, p: string) => decide(accessFor(method, p).access, 'reviewer');
const admin = (method: string, p: string) => decide(accessFor(method, p).access, 'admin');
const anon = (method: string, p: string) => decide(accessFor(method, p).access, null);

describe('the permission table', () => {
  it('gives admins every permission and reviewers only reviewing ones', () => {
    expect([...ROLE_PERMISSIONS.admin].sort()).toEqual(Object.keys(PERMISSIONS).sort());
    expect([...ROLE_PERMISSIONS.reviewer].sort()).toEqual(['account:self', 'assignments:read', 'bulk:write', 'items:read', 'review:write']);
    for (const p of ['users:manage', 'runs:manage', 'exports:manage', 'datasets:manage', 'audit:read', 'assignments:manage'] as Permission[]) expect(can('reviewer', p)).toBe(false);
  });

  it('lets anyone reach sign-in, health and the sign-in endpoint, and nothing else', () => {
    expect(anon('GET', '/sign-in')).toBe('allow');
    expect(anon('GET', '/api/health')).toBe('allow');
    expect(anon('HEAD', '/api/health')).toBe('allow');
    expect(anon('POST', '/api/auth/sign-in/email')).toBe('allow');
    expect(anon('POST', '/api/health')).toBe('unauthenticated');
    // A Batch API frame link: its signed token is checked by the handler.
    expect(anon('GET', '/api/frames/abc.1.sig')).toBe('allow');
    expect(anon('HEAD', '/api/frames/abc.1.sig')).toBe('allow');
    expect(anon('POST', '/api/frames/abc.1.sig')).toBe('unauthenticated');
    expect(anon('GET', '/api/frames/abc/x')).toBe('unauthenticated');
    expect(anon('GET', '/api/frames/../users')).toBe('unauthenticated');
    for (const p of ['/', '/items', '/items/7', '/api/items/7', '/api/media/1/a.mp4', '/datasets', '/users', '/audit', '/api/me', '/account']) {
      expect(anon('GET', p), p).toBe('unauthenticated');
    }
  });

  it('closes the auth library endpoints the studio does not use, for everyone', () => {
    for (const p of ['/api/auth/sign-up/email', '/api/auth/update-user', '/api/auth/delete-user', '/api/auth/list-accounts']) {
      expect(admin('POST', p), p).toBe('not-found');
      expect(anon('POST', p), p).toBe('not-found');
    }
    expect(reviewer('POST', '/api/auth/change-password')).toBe('allow');
    expect(anon('POST', '/api/auth/change-password')).toBe('unauthenticated');
  });

  it('lets reviewers read and review items but not run, export, import or administer', () => {
    expect(reviewer('GET', '/items/12')).toBe('allow');
    expect(reviewer('GET', '/api/items/12')).toBe('allow');
    expect(reviewer('HEAD', '/api/media/3/clips/a.mp4')).toBe('allow');
    expect(reviewer('POST', '/api/items/12/review')).toBe('allow');
    expect(reviewer('PATCH', '/api/items/12/cot')).toBe('allow');
    expect(reviewer('POST', '/api/bulk')).toBe('allow');
    expect(reviewer('POST', '/api/samples')).toBe('allow');
    expect(reviewer('GET', '/dashboard')).toBe('allow');
    expect(reviewer('GET', '/assignments')).toBe('allow');
    for (const [m, p] of [
      ['POST', '/api/assignments'],
      ['DELETE', '/api/assignments/3'],
      ['GET', '/runs'],
      ['POST', '/api/runs'],
      ['GET', '/api/workers'],
      ['GET', '/exports'],
      ['GET', '/api/exports/4/download'],
      ['POST', '/api/imports'],
      ['POST', '/api/datasets'],
      ['POST', '/datasets/import'],
      ['GET', '/users'],
      ['PATCH', '/api/users/abc'],
      ['GET', '/audit'],
      ['GET', '/api/audit'],
    ] as const) {
      expect(reviewer(m, p), `${m} ${p}`).toBe('forbidden');
      expect(admin(m, p), `${m} ${p}`).toBe('allow');
    }
  });

  it('makes an unmapped route admin-only, never open', () => {
    const r = accessFor('GET', '/api/something-new/9');
    expect(r.rule).toBeNull();
    expect(r.access).toBe('admin-only');
    expect(reviewer('GET', '/api/something-new/9')).toBe('forbidden');
    expect(anon('GET', '/api/something-new/9')).toBe('unauthenticated');
    expect(admin('GET', '/api/something-new/9')).toBe('allow');
  });

  it('cannot be dodged with dot segments, doubled or trailing slashes', () => {
    expect(normalisePath('/api/items/../users')).toBe('/api/users');
    expect(normalisePath('/api/items/%2e%2e/users')).toBe('/api/users');
    expect(normalisePath('//api//users/')).toBe('/api/users');
    expect(reviewer('GET', '/api/items/../users')).toBe('forbidden');
    expect(reviewer('GET', '/items/%2E%2E/users')).toBe('forbidden');
    expect(anon('GET', '/sign-in/../users')).toBe('unauthenticated');
  });

  it('every rule names a known permission or access kind', () => {
    const kinds = new Set<string>([...Object.keys(PERMISSIONS), 'public', 'closed']);
    for (const r of ROUTE_RULES) expect(kinds.has(r.access), r.pattern).toBe(true);
  });

  it('is written in the README, permission by permission', () => {
    const readme = fs.readFileSync(path.join(import.meta.dirname, '../../../README.md'), 'utf8');
    for (const p of Object.keys(PERMISSIONS)) expect(readme, p).toContain(`\`${p}\``);
  });
});
