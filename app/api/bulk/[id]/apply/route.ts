import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { requireUser } from '@/lib/auth/require-user';
import { assertMayConfirmBulkAction } from '@/lib/assignments/bulk-restriction';
import { applyBulkAction } from '@/lib/bulk/apply-bulk-action';
import { dbIdParam } from '@/lib/http/route-id';

const paramsSchema = z.object({ id: dbIdParam });

/** POST /api/bulk/:id/apply — changes exactly the items counted when the action was prepared. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = paramsSchema.parse(await ctx.params);
    const user = requireUser(req.headers);
    await assertMayConfirmBulkAction(prisma(), user, id);
    return json(await applyBulkAction(prisma(), { id, actorId: user.id }));
  });
}
