import { itemIdFor } from '../../../item-id';
import { dbIdParam } from '@/lib/http/route-id';
import { z } from 'zod';
import { config } from '@/lib/config';
import { prisma } from '@/lib/db/client';
import { handle } from '@/lib/http/handle';
import { stageFrameJpeg } from '@/lib/steps/stage-frames';

type Ctx = { params: Promise<{ id: string; plan: string; index: string }> };
const paramsSchema = z.object({ id: dbIdParam, plan: z.enum(['curation', 'uniform']), index: z.coerce.number().int().min(0).max(10_000) });

/** One frame a stage sent, as JPEG (the stages' sampling plan and frame cache). */
export function GET(req: Request, ctx: Ctx): Promise<Response> {
  return handle(async () => {
    await itemIdFor(req, ctx, 'read');
    const p = paramsSchema.parse(await ctx.params);
    const jpeg = await stageFrameJpeg(prisma(), { itemId: p.id, plan: p.plan, index: p.index, settings: config().pipeline, dataDir: config().dataDir });
    return new Response(new Uint8Array(jpeg), { headers: { 'content-type': 'image/jpeg', 'cache-control': 'private, max-age=3600' } });
  });
}
