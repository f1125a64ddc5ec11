import { dbIdParam } from '@/lib/http/route-id';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json, readJson } from '@/lib/http/handle';
import { requestUser } from '@/lib/auth/request-user';
import { setEvaluationSet } from '@/lib/datasets/set-evaluation-set';

const paramsSchema = z.object({ id: dbIdParam });
const bodySchema = z.object({ isEvaluationSet: z.boolean() });

/** Body: { isEvaluationSet } — mark the dataset as a benchmark's evaluation set, or unmark it. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = paramsSchema.parse(await ctx.params);
    const body = bodySchema.parse(await readJson(req));
    return json({ dataset: await setEvaluationSet(prisma(), { datasetId: id, isEvaluationSet: body.isEvaluationSet, actorId: requestUser(req.headers)?.id ?? null }) });
  });
}
