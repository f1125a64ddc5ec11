import { dbIdParam } from '@/lib/http/route-id';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle } from '@/lib/http/handle';
import { requireUser } from '@/lib/auth/require-user';
import { can } from '@/lib/auth/permissions';
import { deleteView } from '@/lib/views/saved-views';

const paramsSchema = z.object({ id: dbIdParam });

/** DELETE /api/views/:id — its owner, or an admin for a shared view. */
export function DELETE(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = paramsSchema.parse(await ctx.params);
    const user = requireUser(req.headers);
    await deleteView(prisma(), { userId: user.id, isAdmin: can(user.role, 'users:manage'), id });
    return new Response(null, { status: 204 });
  });
}
