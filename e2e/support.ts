import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/** The e2e run's database (cot_test_*), for checking rows the UI wrote. */
export function e2eDatabaseUrl(): string {
  return fs.readFileSync(path.join(import.meta.dirname, '.artifacts', 'database-url'), 'utf8').trim();
}

export async function queryRows<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
