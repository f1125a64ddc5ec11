import { z } from 'zod';
import { config } from '@/lib/config';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { requestUser } from '@/lib/auth/request-user';
import { dbIdParam } from '@/lib/http/route-id';
import { retryPipelineRun } from '@/lib/runs/pipeline-run';

const params = z.object({ id: dbIdParam });

/** Retry (failed items) or, for a cancelled pipeline run, resume: every stage of the pipeline run this run belongs to. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = params.parse(await ctx.params);
    return json(await retryPipelineRun(prisma(), config().pipeline, id, { actorId: requestUser(req.headers)?.id ?? null }));
  });
}
