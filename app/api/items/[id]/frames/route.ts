import { config } from '@/lib/config';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { getItemStageFrames } from '@/lib/steps/stage-frames';
import { itemIdOf, type ItemCtx } from '../item-id';

export function GET(_req: Request, ctx: ItemCtx): Promise<Response> {
  return handle(async () => json(await getItemStageFrames(prisma(), await itemIdOf(ctx), config().pipeline)));
}
