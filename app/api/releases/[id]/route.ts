import { dbIdParam } from '@/lib/http/route-id';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { getRelease } from '@/lib/releases/list-releases';

const paramsSchema = z.object({ id: dbIdParam });

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => json({ release: await getRelease(prisma(), paramsSchema.parse(await ctx.params).id) }));
}
