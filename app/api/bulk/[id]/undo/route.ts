import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { requireUser } from '@/lib/auth/require-user';
import { assertMayConfirmBulkAction } from '@/lib/assignments/bulk-restriction';
import { undoBulkAction } from '@/lib/bulk/undo-bulk-action';
import { dbIdParam } from '@/lib/http/route-id';

const paramsSchema = z.object({ id: dbIdParam });

/** POST /api/bulk/:id/undo — puts every item the action changed back, unless changed since. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = paramsSchema.parse(await ctx.params);
    const user = requireUser(req.headers);
    await assertMayConfirmBulkAction(prisma(), user, id);
    return json(await undoBulkAction(prisma(), { id, actorId: user.id }));
  });
}
