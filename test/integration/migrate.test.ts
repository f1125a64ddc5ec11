import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import pg from 'pg';
import { migrate, readMigrations } from '@/lib/db/migrate';
import { assertTestDatabaseUrl } from '../support/test-database';

describe('migration runner', () => {
  it('records every migration in Prisma\'s bookkeeping with its checksum, and re-running applies nothing', async () => {
    const url = inject('databaseUrl');
    assertTestDatabaseUrl(url);
    const again = await migrate({ databaseUrl: url });
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBe(readMigrations().length);

    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const { rows } = await c.query('SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name');
    await c.end();
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(readMigrations().map((m) => [m.name, m.checksum]));
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it('runs concurrently from two processes without applying anything twice', async () => {
    const url = inject('databaseUrl');
    const results = await Promise.all([migrate({ databaseUrl: url }), migrate({ databaseUrl: url })]);
    expect(results.flatMap((r) => r.applied)).toEqual([]);
  });

  it('refuses a database that is not a test database', () => {
    expect(() => assertTestDatabaseUrl('postgresql://postgres@127.0.0.1:5432/postgres')).toThrow(/Refusing/);
  });
});
