import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/generated/prisma/client';

// One client per process. In development Next.js re-evaluates modules on every change;
// keeping the client on globalThis avoids a new connection pool each time.
// The Prisma client and the Kysely instance (lib/db/kysely.ts) share one pg Pool.
const globalForPrisma = globalThis as unknown as { __cotPrisma?: PrismaClient; __cotPrismaUrl?: string; __cotPool?: pg.Pool };

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set. Start the studio with `npm start` (it starts the embedded PostgreSQL and sets it), or set DATABASE_URL.',
    );
  }
  return url;
}

function ensure(): { client: PrismaClient; pool: pg.Pool } {
  const url = databaseUrl();
  if (!globalForPrisma.__cotPrisma || !globalForPrisma.__cotPool || globalForPrisma.__cotPrismaUrl !== url) {
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DB_POOL_MAX ?? 10) });
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    const adapter = new PrismaPg(pool);
    globalForPrisma.__cotPrisma = new PrismaClient({ adapter });
    globalForPrisma.__cotPool = pool;
    globalForPrisma.__cotPrismaUrl = url;
  }
  return { client: globalForPrisma.__cotPrisma, pool: globalForPrisma.__cotPool };
}

export function prisma(): PrismaClient {
  return ensure().client;
}

/** The process's one pg Pool, shared by prisma() and kysely(). */
export function dbPool(): pg.Pool {
  return ensure().pool;
}

export async function disconnectPrisma(): Promise<void> {
  const pool = globalForPrisma.__cotPool;
  await globalForPrisma.__cotPrisma?.$disconnect();
  globalForPrisma.__cotPrisma = undefined;
  globalForPrisma.__cotPrismaUrl = undefined;
  globalForPrisma.__cotPool = undefined;
  await pool?.end().catch(() => {});
}

/** True for the client prisma() returned (not a transaction, not a client of another database). */
export function isProcessClient(db: unknown): boolean {
  return db !== undefined && db === globalForPrisma.__cotPrisma;
}
