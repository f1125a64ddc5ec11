import { prisma } from '@/lib/db/client';
import { requestUser } from '@/lib/auth/request-user';
import { assertItemAccess, type ItemAccess } from '@/lib/assignments/item-access';
import { idParams } from '@/lib/http/route-id';

export type ItemCtx = { params: Promise<{ id: string }> };

/** The item id from the route, validated (a non-numeric or out-of-range id is a 400 naming the field). */
export async function itemIdOf(ctx: ItemCtx): Promise<number> {
  return idParams.parse(await ctx.params).id;
}

/**
 * The item id, once the signed-in user may do `access` to that item (lib/assignments/item-access.ts:
 * reviewers only within their assignments, undo only their own decisions). Every /api/items/:id
 * route starts here.
 */
export async function itemIdFor(req: Request, ctx: ItemCtx, access: ItemAccess, expectedRev?: number): Promise<number> {
  const itemId = await itemIdOf(ctx);
  await assertItemAccess(prisma(), { user: requestUser(req.headers), itemId, access, expectedRev });
  return itemId;
}
