import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { getReviewItem } from '@/lib/review/get-review-item';
import { itemIdFor, type ItemCtx } from './item-id';

export function GET(req: Request, ctx: ItemCtx): Promise<Response> {
  return handle(async () => json(await getReviewItem(prisma(), await itemIdFor(req, ctx, 'read'))));
}
