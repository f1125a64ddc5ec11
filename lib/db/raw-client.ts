import pg from 'pg';

/**
 * A plain node-postgres connection, for the few paths Prisma cannot serve: COPY (bulk import)
 * and server-side cursors (streaming export). Everything else goes through prisma().
 */
export async function withRawClient<T>(fn: (client: pg.Client) => Promise<T>, opts: { databaseUrl?: string } = {}): Promise<T> {
  const url = opts.databaseUrl ?? process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const client = new pg.Client({ connectionString: url, application_name: 'cot-studio' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}
