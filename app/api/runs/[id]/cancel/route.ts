import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { requestUser } from '@/lib/auth/request-user';
import { cancelRun } from '@/lib/runs/cancel-run';
import { dbIdParam } from '@/lib/http/route-id';

const params = z.object({ id: dbIdParam });

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = params.parse(await ctx.params);
    return json(await cancelRun(prisma(), id, { actorId: requestUser(req.headers)?.id ?? null }));
  });
}
