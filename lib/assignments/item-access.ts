import { Prisma, type PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';
import { anyItemFilterSql } from '../items/filter-sql';
import type { RequestUser } from '../auth/request-user';
import { assignedFilters } from './reviewer-scope';

/**
 * What a request does to one item: `read` it (the item, its history, its neighbours, its media),
 * `change` it (decide, edit) or `undo` its newest decision.
 */
export type ItemAccess = 'read' | 'change' | 'undo';

type AccessRow = { in_scope: boolean; rev: number; has_decision: boolean; last_reviewer_id: string | null };

/**
 * The one rule for every single-item route, the per-item twin of bulkRestriction: admins may do
 * anything; a reviewer may read or change an item only when it matches one of their
 * assignments' filters, and undo only a decision they made themselves (so an admin's decision —
 * or the items of an admin's bulk action, which /api/bulk/:id/undo refuses them — cannot be
 * taken back item by item). One SQL statement answers scope and authorship together.
 *
 * A missing item passes: the domain function that follows answers 404 for it, as it does for
 * admins. An undo whose `expectedRev` is stale passes too: the change itself then answers 409
 * (the newest decision may no longer be the one this check saw).
 */
export async function assertItemAccess(
  db: PrismaClient,
  opts: { user: RequestUser | null; itemId: number; access: ItemAccess; expectedRev?: number },
): Promise<void> {
  const { user, itemId, access } = opts;
  // Behind the proxy every handler has a user; its absence means the route was left unguarded.
  if (!user) throw new AppError('UNAUTHORIZED', 'Sign in first');
  if (user.role === 'admin') return;
  const scope = anyItemFilterSql(await assignedFilters(db, user.id));
  const [row] = await db.$queryRaw<AccessRow[]>(Prisma.sql`
    SELECT (${scope}) AS in_scope, i.rev,
      EXISTS (SELECT 1 FROM review r WHERE r.item_id = i.id AND r.undone_at IS NULL) AS has_decision,
      (SELECT r.reviewer_id FROM review r WHERE r.item_id = i.id AND r.undone_at IS NULL ORDER BY r.id DESC LIMIT 1) AS last_reviewer_id
    FROM item i WHERE i.id = ${itemId}`);
  if (!row) return;
  if (!row.in_scope) throw new AppError('FORBIDDEN', `Item ${itemId} is outside your assigned work; ask an admin to assign it to you`);
  if (access !== 'undo' || !row.has_decision || row.last_reviewer_id === user.id) return;
  if (opts.expectedRev !== undefined && opts.expectedRev !== row.rev) return;
  throw new AppError('FORBIDDEN', `The newest decision on item ${itemId} was made by someone else; reviewers may undo only their own decisions`);
}

/**
 * What a user may see in item lists (the items table, its count, next/previous), as SQL over
 * `item i`: undefined — everything — for an admin; a reviewer's assignments' filters (FALSE
 * without any), so the table never lists what the item routes would refuse.
 */
export async function itemReadRestriction(db: PrismaClient, user: RequestUser | null): Promise<Prisma.Sql | undefined> {
  if (!user) throw new AppError('UNAUTHORIZED', 'Sign in first');
  if (user.role === 'admin') return undefined;
  return anyItemFilterSql(await assignedFilters(db, user.id));
}

/**
 * The media route's share of the same rule: a reviewer may fetch a file of a dataset only when
 * it is the media of an item within their assignments (`mediaPath` as the media route joins
 * it, without the record's leading "./"). Admins may fetch any.
 */
export async function assertMediaAccess(db: PrismaClient, opts: { user: RequestUser | null; datasetId: number; mediaPath: string }): Promise<void> {
  const { user } = opts;
  if (!user) throw new AppError('UNAUTHORIZED', 'Sign in first');
  if (user.role === 'admin') return;
  const scope = anyItemFilterSql(await assignedFilters(db, user.id));
  const [row] = await db.$queryRaw<{ allowed: boolean }[]>(Prisma.sql`
    SELECT EXISTS (
      SELECT 1 FROM video v JOIN item i ON i.video_id = v.id
      WHERE v.dataset_id = ${opts.datasetId} AND v.path IN (${opts.mediaPath}, ${`./${opts.mediaPath}`}) AND ${scope}
    ) AS allowed`);
  if (!row?.allowed) throw new AppError('FORBIDDEN', 'This media file belongs to no item within your assigned work');
}
