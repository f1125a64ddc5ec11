import { config } from '@/lib/config';
import { prisma } from '@/lib/db/client';
import { handle, json, readJson } from '@/lib/http/handle';
import { createRunInputSchema } from '@/lib/runs/create-run';
import { planRun } from '@/lib/runs/plan-run';

/** The pre-flight of a run (same body as POST /api/runs); starts nothing. */
export async function POST(req: Request): Promise<Response> {
  return handle(async () => {
    const input = createRunInputSchema.parse(await readJson(req));
    return json({ plan: await planRun(prisma(), config().pipeline, input) }, { headers: { 'cache-control': 'no-store' } });
  });
}
