import { config } from '@/lib/config';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { getItemStageFrames } from '@/lib/steps/stage-frames';
import { itemIdFor, type ItemCtx } from '../item-id';

export function GET(req: Request, ctx: ItemCtx): Promise<Response> {
  return handle(async () => json(await getItemStageFrames(prisma(), await itemIdFor(req, ctx, 'read'), config().pipeline)));
}
