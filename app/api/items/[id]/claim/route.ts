import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { requestUser } from '@/lib/auth/request-user';
import { getItemClaim } from '@/lib/review-queue/claim-next-item';
import { itemIdFor, type ItemCtx } from '../item-id';

/** GET /api/items/:id/claim — who is reviewing the item from their queue right now, until when, and whether it is you. */
export function GET(req: Request, ctx: ItemCtx): Promise<Response> {
  return handle(async () => {
    const claim = await getItemClaim(prisma(), await itemIdFor(req, ctx, 'read'));
    return json({ claim, mine: !!claim && claim.reviewer.id === requestUser(req.headers)?.id }, { headers: { 'cache-control': 'no-store' } });
  });
}
