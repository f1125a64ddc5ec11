import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { getRun } from '@/lib/runs/get-run';
import { dbIdParam } from '@/lib/http/route-id';

const params = z.object({ id: dbIdParam });

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = params.parse(await ctx.params);
    return json(await getRun(prisma(), id), { headers: { 'cache-control': 'no-store' } });
  });
}
