import {
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely';
import type { DB } from '@/generated/kysely/types';
import type { Prisma, PrismaClient } from '@/generated/prisma/client';
import { dbPool, isProcessClient } from './client';

export type { DB };
export type KyselyDb = Kysely<DB>;

/** What code in lib/ is handed: the process's Prisma client, another client, or an interactive transaction. */
export type PrismaDb = PrismaClient | Prisma.TransactionClient;

const globalForKysely = globalThis as unknown as { __cotKysely?: { pool: unknown; db: KyselyDb } };

/**
 * The process's one Kysely instance, on the same pg Pool as prisma() (lib/db/client.ts).
 * Table and column types come from generated/kysely/types.ts (prisma-kysely, run by `prisma generate`).
 */
export function kysely(): KyselyDb {
  const pool = dbPool();
  if (globalForKysely.__cotKysely?.pool !== pool) {
    globalForKysely.__cotKysely = { pool, db: new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }) };
  }
  return globalForKysely.__cotKysely.db;
}

const bridged = new WeakMap<object, KyselyDb>();

/**
 * Kysely for code handed a Prisma client or transaction: the process's client maps to kysely()
 * (same pool); an interactive transaction (or any other client) gets a Kysely whose statements run
 * through that Prisma handle, so they join its transaction. Values stay bound parameters either way.
 * Counts should be cast to int in SQL: pg returns int8 as a string, Prisma as a BigInt. Through a
 * Prisma handle a statement cannot return a `void` column (`SELECT pg_advisory_xact_lock(…)`):
 * Prisma refuses to read it.
 */
export function kdb(db: PrismaDb): KyselyDb {
  if (isProcessClient(db)) return kysely();
  let k = bridged.get(db);
  if (!k) {
    k = new Kysely<DB>({ dialect: prismaDialect(db) });
    bridged.set(db, k);
  }
  return k;
}

function returnsRows(q: CompiledQuery): boolean {
  const node = q.query as { kind: string; returning?: unknown };
  if (node.kind === 'InsertQueryNode' || node.kind === 'UpdateQueryNode' || node.kind === 'DeleteQueryNode' || node.kind === 'MergeQueryNode') {
    return node.returning !== undefined;
  }
  return true;
}

class PrismaConnection implements DatabaseConnection {
  constructor(private readonly db: PrismaDb) {}

  // The one place compiled SQL runs through Prisma's positional raw API: Kysely produced the text,
  // every value is a bound parameter.
  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    const params = q.parameters as unknown[];
    if (returnsRows(q)) return { rows: await this.db.$queryRawUnsafe<R[]>(q.sql, ...params) };
    const n = await this.db.$executeRawUnsafe(q.sql, ...params);
    return { rows: [], numAffectedRows: BigInt(n) };
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not available through a Prisma handle; use kysely() or a raw client.');
  }
}

function prismaDialect(db: PrismaDb): Dialect {
  const connection = new PrismaConnection(db);
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    beginTransaction: async () => {
      throw new Error('Kysely on a Prisma handle cannot open a transaction; run it inside prisma().$transaction instead.');
    },
    commitTransaction: async () => {},
    rollbackTransaction: async () => {},
    releaseConnection: async () => {},
    destroy: async () => {},
  };
  return {
    createDriver: () => driver,
    createQueryCompiler: () => new PostgresQueryCompiler(),
    createAdapter: () => new PostgresAdapter(),
    createIntrospector: (k) => new PostgresIntrospector(k),
  };
}
