import type pg from 'pg';
import type { Prisma } from '@/generated/prisma/client';
import type { QueueDb } from './client';

// The one transaction-queue adapter. pg-boss writes a job through whatever connection it is given; handing it the caller's
// transaction makes "create the row" and "enqueue its job" commit or roll back together.

function param(v: unknown): unknown {
  if (v === undefined) return null;
  if (v !== null && typeof v === 'object' && !(v instanceof Date) && !Array.isArray(v)) return JSON.stringify(v);
  return v;
}

export function prismaQueueDb(tx: Prisma.TransactionClient): QueueDb {
  return {
    executeSql: async (text: string, values: unknown[] = []) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values.map(param)) }),
  };
}

export function pgQueueDb(client: pg.ClientBase): QueueDb {
  return { executeSql: (text: string, values: unknown[] = []) => client.query(text, values as unknown[]) };
}
