import { z } from 'zod';
import { config } from '@/lib/config';
import { prisma } from '@/lib/db/client';
import { handle, json, readJson } from '@/lib/http/handle';
import { requestUser } from '@/lib/auth/request-user';
import { createRun, createRunInputSchema } from '@/lib/runs/create-run';
import { listRuns } from '@/lib/runs/list-runs';
import { toRunView } from '@/lib/runs/run-view';
import { dbIdParam } from '@/lib/http/route-id';

const listQuery = z.object({ dataset: dbIdParam.optional(), limit: z.coerce.number().int().min(1).max(200).optional() });

export async function GET(req: Request): Promise<Response> {
  return handle(async () => {
    const q = listQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
    const runs = await listRuns(prisma(), { datasetId: q.dataset, limit: q.limit });
    return json({ runs }, { headers: { 'cache-control': 'no-store' } });
  });
}

/** Starts a run: { stage, dataset, filter?, force?, promptVersion?, overrides? }. */
export async function POST(req: Request): Promise<Response> {
  return handle(async () => {
    const input = createRunInputSchema.parse(await readJson(req));
    const db = prisma();
    const run = await createRun(db, config().pipeline, input, { actorId: requestUser(req.headers)?.id ?? null });
    const dataset = await db.dataset.findUniqueOrThrow({ where: { id: run.datasetId }, select: { name: true } });
    return json({ run: toRunView({ ...run, dataset }, null) }, { status: 201 });
  });
}
