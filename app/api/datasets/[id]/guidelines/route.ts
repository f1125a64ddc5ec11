import { dbIdParam } from '@/lib/http/route-id';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json, readJson } from '@/lib/http/handle';
import { requireUser } from '@/lib/auth/require-user';
import { getGuidelines, guidelinesInputSchema, saveGuidelines } from '@/lib/datasets/guidelines';

const paramsSchema = z.object({ id: dbIdParam });

/** GET /api/datasets/:id/guidelines — the dataset's review guidelines (markdown). */
export function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = paramsSchema.parse(await ctx.params);
    return json(await getGuidelines(prisma(), id), { headers: { 'cache-control': 'no-store' } });
  });
}

/** PUT /api/datasets/:id/guidelines `{ markdown, expectedUpdatedAt }` — admins (datasets:manage); 409 when changed meanwhile. */
export function PUT(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = paramsSchema.parse(await ctx.params);
    const user = requireUser(req.headers);
    return json(await saveGuidelines(prisma(), { datasetId: id, actorId: user.id, input: guidelinesInputSchema.parse(await readJson(req)) }));
  });
}
