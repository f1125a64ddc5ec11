import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { getReviewItem } from '@/lib/review/get-review-item';
import { itemIdOf, type ItemCtx } from './item-id';

export function GET(_req: Request, ctx: ItemCtx): Promise<Response> {
  return handle(async () => json(await getReviewItem(prisma(), await itemIdOf(ctx))));
}
