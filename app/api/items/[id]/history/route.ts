import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { getItemHistory } from '@/lib/review/get-item-history';
import { itemIdFor, type ItemCtx } from '../item-id';

export function GET(req: Request, ctx: ItemCtx): Promise<Response> {
  return handle(async () => json(await getItemHistory(prisma(), await itemIdFor(req, ctx, 'read'))));
}
