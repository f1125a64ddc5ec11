import type { Prisma, PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';
import { anyItemFilterSql } from '../items/filter-sql';
import type { RequestUser } from '../auth/request-user';
import { assignedFilters } from './reviewer-scope';

/**
 * What this user may act on in bulk (bulk decisions, sample draws, accepting a sample's rest),
 * as SQL over `item i` for those functions' `restrict`: undefined — everything — for an admin,
 * the union of their assignments' filters for a reviewer.
 * A reviewer with no assignments is refused outright: an empty confirmation would only puzzle.
 */
export async function bulkRestriction(db: PrismaClient, user: RequestUser): Promise<Prisma.Sql | undefined> {
  if (user.role === 'admin') return undefined;
  const filters = await assignedFilters(db, user.id);
  if (filters.length === 0) throw new AppError('FORBIDDEN', 'You have no assigned work, so there is nothing you may act on in bulk. Ask an admin to assign you a filter.');
  return anyItemFilterSql(filters);
}

/**
 * Confirming or undoing a bulk action changes the items frozen when it was prepared, which for
 * someone else's action were never limited to this reviewer's work: reviewers confirm and undo
 * only their own (prepared through bulkRestriction). Admins may confirm or undo any.
 */
export async function assertMayConfirmBulkAction(db: PrismaClient, user: RequestUser, bulkActionId: number): Promise<void> {
  if (user.role === 'admin') return;
  const action = await db.bulkAction.findUnique({ where: { id: bulkActionId }, select: { createdById: true } });
  if (!action) throw new AppError('NOT_FOUND', `Bulk action ${bulkActionId} not found`);
  if (action.createdById !== user.id) throw new AppError('FORBIDDEN', `Bulk action ${bulkActionId} was prepared by someone else; reviewers may confirm or undo only their own`);
}
