import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';

// One client per process. In development Next.js re-evaluates modules on every change;
// keeping the client on globalThis avoids a new connection pool each time.
const globalForPrisma = globalThis as unknown as { __cotPrisma?: PrismaClient; __cotPrismaUrl?: string };

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set. Start the studio with `npm start` (it starts the embedded PostgreSQL and sets it), or set DATABASE_URL.',
    );
  }
  return url;
}

export function prisma(): PrismaClient {
  const url = databaseUrl();
  if (!globalForPrisma.__cotPrisma || globalForPrisma.__cotPrismaUrl !== url) {
    const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DB_POOL_MAX ?? 10) });
    globalForPrisma.__cotPrisma = new PrismaClient({ adapter });
    globalForPrisma.__cotPrismaUrl = url;
  }
  return globalForPrisma.__cotPrisma;
}

export async function disconnectPrisma(): Promise<void> {
  await globalForPrisma.__cotPrisma?.$disconnect();
  globalForPrisma.__cotPrisma = undefined;
  globalForPrisma.__cotPrismaUrl = undefined;
}
