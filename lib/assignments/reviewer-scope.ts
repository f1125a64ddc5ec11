import type { Prisma, PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';
import { itemFilterWhere, parseItemFilter } from '../items/filter';
import type { RequestUser } from '../auth/request-user';

/**
 * The items a user may act on in bulk: everything for an admin, the union of their
 * assignments' filters for a reviewer (nothing when they have none). AND it into a bulk
 * action's where clause.
 */
export async function bulkScopeWhere(db: PrismaClient, user: RequestUser): Promise<Prisma.ItemWhereInput> {
  if (user.role === 'admin') return {};
  const rows = await db.assignment.findMany({ where: { reviewers: { some: { reviewerId: user.id } } }, select: { filter: true } });
  if (rows.length === 0) return { id: { in: [] } };
  return { OR: rows.map((r) => itemFilterWhere(parseItemFilter(new URLSearchParams(r.filter)))) };
}

/** Refuses a reviewer's bulk action over items outside their assigned work. */
export async function assertItemsInScope(db: PrismaClient, user: RequestUser, itemWhere: Prisma.ItemWhereInput): Promise<void> {
  if (user.role === 'admin') return;
  const scope = await bulkScopeWhere(db, user);
  const outside = await db.item.count({ where: { AND: [itemWhere, { NOT: scope }] } });
  if (outside > 0) throw new AppError('FORBIDDEN', `${outside} of the selected items are outside your assigned work`);
}
