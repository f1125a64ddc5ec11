import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { listRunBatches } from '@/lib/runs/list-batches';
import { dbIdParam } from '@/lib/http/route-id';

const params = z.object({ id: dbIdParam });

/** A batch-mode run's provider batches (state, counts, age, provider id). */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = params.parse(await ctx.params);
    return json(await listRunBatches(prisma(), id), { headers: { 'cache-control': 'no-store' } });
  });
}
