import { config } from '@/lib/config';
import { prisma } from '@/lib/db/client';
import { handle, json, readJson } from '@/lib/http/handle';
import { requestUser } from '@/lib/auth/request-user';
import { createPipelineRun, pipelineRunInputSchema } from '@/lib/runs/pipeline-run';

/** Starts a pipeline run ("run the missing stages first"): same body as POST /api/runs, stage = the last stage (draft, revise or check). */
export async function POST(req: Request): Promise<Response> {
  return handle(async () => {
    const input = pipelineRunInputSchema.parse(await readJson(req));
    const created = await createPipelineRun(prisma(), config().pipeline, input, { actorId: requestUser(req.headers)?.id ?? null });
    return json({ pipeline: created }, { status: 201 });
  });
}
