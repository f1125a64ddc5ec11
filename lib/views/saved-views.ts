import { z } from 'zod';
import { Prisma, type PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-event';
import { canonicalFilter } from '../assignments/create-assignment';
import { columnLayoutSchema, readLayout, type ColumnLayout } from './item-columns';

// Saved views: a named items-table filter (sort included, in its URL form) and column layout.
// Each user keeps their own; a shared view is listed for everyone, but only its owner (or an
// admin) may change or delete it.

export const savedViewInputSchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(80, 'name: at most 80 characters'),
  filter: z.string().trim().min(1, 'filter is required').max(2000),
  columns: columnLayoutSchema.optional(),
  shared: z.boolean().default(false),
});
export type SavedViewInput = z.input<typeof savedViewInputSchema>;

export type SavedView = {
  id: number;
  datasetId: number;
  name: string;
  filter: string;
  columns: ColumnLayout | null;
  shared: boolean;
  owner: { id: string; name: string };
  mine: boolean;
  updatedAt: string;
};

type Row = Prisma.SavedViewGetPayload<{ include: { owner: { select: { id: true; name: true } } } }>;

function view(row: Row, userId: string): SavedView {
  const hasColumns = row.columns !== null && typeof row.columns === 'object' && Object.keys(row.columns).length > 0;
  return {
    id: row.id,
    datasetId: row.datasetId,
    name: row.name,
    filter: row.filter,
    columns: hasColumns ? readLayout(row.columns) : null,
    shared: row.shared,
    owner: { id: row.owner.id, name: row.owner.name },
    mine: row.ownerId === userId,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The user's own views of a dataset and those the team shares, own first, by name. */
export async function listSavedViews(db: PrismaClient, opts: { userId: string; datasetId: number }): Promise<SavedView[]> {
  const rows = await db.savedView.findMany({
    where: { datasetId: opts.datasetId, OR: [{ ownerId: opts.userId }, { shared: true }] },
    include: { owner: { select: { id: true, name: true } } },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  return rows.map((r) => view(r, opts.userId)).sort((a, b) => Number(b.mine) - Number(a.mine));
}

/** Saves a view under its name; saving the same name again replaces the owner's earlier one. */
export async function saveView(db: PrismaClient, opts: { userId: string; input: SavedViewInput }): Promise<SavedView> {
  const input = savedViewInputSchema.parse(opts.input);
  const { datasetId, filter } = canonicalFilter(input.filter);
  if (!(await db.dataset.findUnique({ where: { id: datasetId }, select: { id: true } }))) throw new AppError('BAD_REQUEST', `filter: dataset ${datasetId} does not exist`);
  const columns = input.columns ?? {};
  const row = await db.savedView.upsert({
    where: { ownerId_datasetId_name: { ownerId: opts.userId, datasetId, name: input.name } },
    create: { ownerId: opts.userId, datasetId, name: input.name, filter, columns, shared: input.shared },
    update: { filter, columns, shared: input.shared },
    include: { owner: { select: { id: true, name: true } } },
  });
  await recordAudit(db, { actorId: opts.userId, action: 'view.save', subjectType: 'saved_view', subjectId: row.id, data: { name: row.name, filter, shared: row.shared } });
  return view(row, opts.userId);
}

export async function deleteView(db: PrismaClient, opts: { userId: string; isAdmin: boolean; id: number }): Promise<void> {
  const row = await db.savedView.findUnique({ where: { id: opts.id }, select: { ownerId: true, shared: true, name: true } });
  if (!row || (row.ownerId !== opts.userId && !row.shared)) throw new AppError('NOT_FOUND', `Saved view ${opts.id} not found`);
  if (row.ownerId !== opts.userId && !opts.isAdmin) throw new AppError('FORBIDDEN', `Only its owner or an admin may delete the view “${row.name}”`);
  await db.savedView.delete({ where: { id: opts.id } });
  await recordAudit(db, { actorId: opts.userId, action: 'view.delete', subjectType: 'saved_view', subjectId: opts.id, data: { name: row.name } });
}
