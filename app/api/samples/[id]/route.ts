import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { getSampleStatus } from '@/lib/sampling/sample-status';
import { dbIdParam } from '@/lib/http/route-id';

const paramsSchema = z.object({ id: dbIdParam });

/** GET /api/samples/:id — the sample's tally, Wilson interval and whether the rest can be accepted. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = paramsSchema.parse(await ctx.params);
    return json(await getSampleStatus(prisma(), id), { headers: { 'cache-control': 'no-store' } });
  });
}
