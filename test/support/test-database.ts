import crypto from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { ensureEmbeddedPostgres } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';

// Tests never touch a developer's database: they create a database of their own, named
// cot_test_*, on TEST_DATABASE_URL's server (or a throwaway embedded server), and drop it after.
export const TEST_DB_PREFIX = 'cot_test_';

export function assertTestDatabaseUrl(url: string): void {
  const name = new URL(url).pathname.replace(/^\//, '');
  if (!name.startsWith(TEST_DB_PREFIX)) {
    throw new Error(`Refusing to run tests against database "${name}": test databases are named ${TEST_DB_PREFIX}*.`);
  }
}

export type TestDatabase = { url: string; drop: () => Promise<void> };

async function serverUrl(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.TEST_DATABASE_URL) return { url: process.env.TEST_DATABASE_URL, stop: async () => {} };
  const root = path.resolve(import.meta.dirname, '../..');
  const handle = await ensureEmbeddedPostgres({ dataDir: path.join(root, 'data', 'test-server'), port: 54339 });
  return { url: handle.url, stop: handle.stop };
}

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const server = await serverUrl();
  const name = `${TEST_DB_PREFIX}${label}_${Date.now().toString(36)}_${crypto.randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(server.url);
  u.pathname = `/${name}`;
  const url = u.toString();
  await migrate({ databaseUrl: url });
  return {
    url,
    drop: async () => {
      const c = new pg.Client({ connectionString: server.url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
      await server.stop();
    },
  };
}
