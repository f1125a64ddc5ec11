import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json, readJson } from '@/lib/http/handle';
import { requireUser } from '@/lib/auth/require-user';
import { bulkRestriction } from '@/lib/assignments/bulk-restriction';
import { drawSampleBodySchema } from '@/lib/sampling/sample-input';
import { drawSample } from '@/lib/sampling/draw-sample';
import { listSamples } from '@/lib/sampling/list-samples';
import { dbIdParam } from '@/lib/http/route-id';

/** POST /api/samples {filter, confidence, margin, bar} — draws an acceptance sample of the filter's pending items (a reviewer's: all within their assigned work). */
export async function POST(req: Request): Promise<Response> {
  return handle(async () => {
    const body = drawSampleBodySchema.parse(await readJson(req));
    const user = requireUser(req.headers);
    const within = await bulkRestriction(prisma(), user);
    return json(await drawSample(prisma(), { ...body, actorId: user.id, within }), { status: 201 });
  });
}

const listSchema = z.object({ dataset: dbIdParam });

/** GET /api/samples?dataset= — the dataset's samples with their current estimates. */
export async function GET(req: Request): Promise<Response> {
  return handle(async () => {
    const q = listSchema.parse({ dataset: new URL(req.url).searchParams.get('dataset') ?? undefined });
    return json({ samples: await listSamples(prisma(), { datasetId: q.dataset }) }, { headers: { 'cache-control': 'no-store' } });
  });
}
