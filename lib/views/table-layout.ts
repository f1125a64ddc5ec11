import type { PrismaClient } from '@/generated/prisma/client';
import { columnLayoutSchema, readLayout, type ColumnLayout } from './item-columns';

// A user's layout of a table, kept on the server so it follows them to another browser.

export const TABLE_KEYS = ['items'] as const;
export type TableKey = (typeof TABLE_KEYS)[number];

export async function getTableLayout(db: PrismaClient, opts: { userId: string; table: TableKey }): Promise<ColumnLayout> {
  const row = await db.tableLayout.findUnique({ where: { userId_tableKey: { userId: opts.userId, tableKey: opts.table } } });
  return readLayout(row?.layout);
}

export async function saveTableLayout(db: PrismaClient, opts: { userId: string; table: TableKey; layout: unknown }): Promise<ColumnLayout> {
  const layout = columnLayoutSchema.parse(opts.layout);
  await db.tableLayout.upsert({
    where: { userId_tableKey: { userId: opts.userId, tableKey: opts.table } },
    create: { userId: opts.userId, tableKey: opts.table, layout },
    update: { layout },
  });
  return layout;
}
