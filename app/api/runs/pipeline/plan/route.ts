import { config } from '@/lib/config';
import { prisma } from '@/lib/db/client';
import { handle, json, readJson } from '@/lib/http/handle';
import { pipelineRunInputSchema, planPipelineRun } from '@/lib/runs/pipeline-run';

/** The pre-flight of a pipeline run, per stage (same body as POST /api/runs/pipeline); starts nothing. */
export async function POST(req: Request): Promise<Response> {
  return handle(async () => {
    const input = pipelineRunInputSchema.parse(await readJson(req));
    return json({ plan: await planPipelineRun(prisma(), config().pipeline, input) }, { headers: { 'cache-control': 'no-store' } });
  });
}
