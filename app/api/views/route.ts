import { dbIdParam } from '@/lib/http/route-id';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json, readJson } from '@/lib/http/handle';
import { requireUser } from '@/lib/auth/require-user';
import { listSavedViews, saveView, savedViewInputSchema } from '@/lib/views/saved-views';

const querySchema = z.object({ dataset: dbIdParam });

/** GET /api/views?dataset= — the user's saved views of the dataset and the team's shared ones. */
export function GET(req: Request): Promise<Response> {
  return handle(async () => {
    const user = requireUser(req.headers);
    const q = querySchema.parse({ dataset: new URL(req.url).searchParams.get('dataset') ?? undefined });
    return json({ views: await listSavedViews(prisma(), { userId: user.id, datasetId: q.dataset }) }, { headers: { 'cache-control': 'no-store' } });
  });
}

/** POST /api/views `{ name, filter, columns?, shared }` — saves (or replaces, by name) one of the user's views. */
export function POST(req: Request): Promise<Response> {
  return handle(async () => {
    const user = requireUser(req.headers);
    return json(await saveView(prisma(), { userId: user.id, input: savedViewInputSchema.parse(await readJson(req)) }), { status: 201 });
  });
}
