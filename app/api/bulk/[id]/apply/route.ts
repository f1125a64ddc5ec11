import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { requestUser } from '@/lib/auth/request-user';
import { applyBulkAction } from '@/lib/bulk/apply-bulk-action';

const paramsSchema = z.object({ id: z.coerce.number().int().positive() });

/** POST /api/bulk/:id/apply — changes exactly the items counted when the action was prepared. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = paramsSchema.parse(await ctx.params);
    return json(await applyBulkAction(prisma(), { id, actorId: requestUser(req.headers)?.id ?? null }));
  });
}
