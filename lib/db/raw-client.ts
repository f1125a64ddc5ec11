import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import type { DB, KyselyDb } from './kysely';

/**
 * A plain node-postgres connection, for the few paths Prisma cannot serve: COPY (bulk import)
 * and server-side cursors (streaming export). Everything else goes through prisma() / kysely(), or,
 * on this connection's transaction, kyselyOnClient().
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

const onClient = new WeakMap<pg.Client, KyselyDb>();

/**
 * Kysely on one raw connection: its statements run on `client`, inside whatever transaction the
 * caller opened there (the import's COPY transaction). Kysely never opens or ends a transaction
 * on it; BEGIN/COMMIT stay with the caller.
 */
export function kyselyOnClient(client: pg.Client): KyselyDb {
  let k = onClient.get(client);
  if (!k) {
    const conn: PostgresPoolClient = {
      query: client.query.bind(client) as unknown as PostgresPoolClient['query'],
      release: () => {},
    };
    const pool: PostgresPool = { connect: async () => conn, end: async () => {} };
    k = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    onClient.set(client, k);
  }
  return k;
}
