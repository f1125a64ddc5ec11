import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { dbIdParam } from '@/lib/http/route-id';
import { getPipelineRun } from '@/lib/runs/pipeline-run';

const params = z.object({ id: dbIdParam });

/** The pipeline run this run belongs to, with per-stage counts ({ pipeline: null } for a plain run). */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = params.parse(await ctx.params);
    return json({ pipeline: await getPipelineRun(prisma(), id) }, { headers: { 'cache-control': 'no-store' } });
  });
}
