import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { itemDuplicates } from '@/lib/dedup/item-duplicates';

const paramsSchema = z.object({ id: z.coerce.number().int().positive() });

/** The item's near-duplicates and evaluation-set overlap. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => json(await itemDuplicates(prisma(), paramsSchema.parse(await ctx.params).id), { headers: { 'cache-control': 'no-store' } }));
}
