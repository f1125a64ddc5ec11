import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json, readJson } from '@/lib/http/handle';
import { requireUser } from '@/lib/auth/require-user';
import { bulkRestriction } from '@/lib/assignments/bulk-restriction';
import { prepareBulkBodySchema } from '@/lib/bulk/bulk-input';
import { prepareBulkAction } from '@/lib/bulk/prepare-bulk-action';
import { listBulkActions } from '@/lib/bulk/list-bulk-actions';
import { dbIdParam } from '@/lib/http/route-id';

/** POST /api/bulk {selection, operation} — counts and freezes the items (a reviewer's: only assigned ones); apply with POST /api/bulk/:id/apply. */
export async function POST(req: Request): Promise<Response> {
  return handle(async () => {
    const body = prepareBulkBodySchema.parse(await readJson(req));
    const user = requireUser(req.headers);
    const restrict = await bulkRestriction(prisma(), user);
    // A reviewer's selection is narrowed to their assignments; the answer says how many were left out.
    const prepared = await prepareBulkAction(prisma(), { ...body, actorId: user.id, scope: restrict });
    return json(prepared, { status: 201 });
  });
}

const listSchema = z.object({ dataset: dbIdParam, limit: z.coerce.number().int().min(1).max(100).default(10) });

/** GET /api/bulk?dataset=&limit= — recent bulk actions, for history and undo. */
export async function GET(req: Request): Promise<Response> {
  return handle(async () => {
    const p = new URL(req.url).searchParams;
    const q = listSchema.parse({ dataset: p.get('dataset') ?? undefined, limit: p.get('limit') ?? undefined });
    return json({ actions: await listBulkActions(prisma(), { datasetId: q.dataset, limit: q.limit }) }, { headers: { 'cache-control': 'no-store' } });
  });
}
