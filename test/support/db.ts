import crypto from 'node:crypto';
import { inject } from 'vitest';
import { prisma } from '@/lib/db/client';
import { assertTestDatabaseUrl } from './test-database';

/** The per-run test database's client; refuses anything not named cot_test_*. */
export function testDb() {
  const url = inject('databaseUrl');
  assertTestDatabaseUrl(url);
  process.env.DATABASE_URL = url;
  return prisma();
}

/** A unique suffix so tests running in parallel never collide on names. */
export function uniq(prefix: string): string {
  return `${prefix}-${crypto.randomBytes(4).toString('hex')}`;
}
