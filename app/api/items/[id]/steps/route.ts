import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { getItemSteps } from '@/lib/steps/get-item-steps';
import { itemIdFor, type ItemCtx } from '../item-id';

export function GET(req: Request, ctx: ItemCtx): Promise<Response> {
  return handle(async () => json(await getItemSteps(prisma(), await itemIdFor(req, ctx, 'read'))));
}
