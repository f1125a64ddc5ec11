import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { requestUser } from '@/lib/auth/request-user';
import { dbIdParam } from '@/lib/http/route-id';
import { cancelPipelineRun } from '@/lib/runs/pipeline-run';

const params = z.object({ id: dbIdParam });

/** Cancels every stage of the pipeline run this run belongs to. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = params.parse(await ctx.params);
    return json(await cancelPipelineRun(prisma(), id, { actorId: requestUser(req.headers)?.id ?? null }));
  });
}
