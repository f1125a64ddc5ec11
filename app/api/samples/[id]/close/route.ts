import { dbIdParam } from '@/lib/http/route-id';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { requireUser } from '@/lib/auth/require-user';
import { can } from '@/lib/auth/permissions';
import { closeSample } from '@/lib/sampling/close-sample';

const paramsSchema = z.object({ id: dbIdParam });

/** POST /api/samples/:id/close — closes an open sample (its drawer or an admin), so the table goes back to its filter. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = paramsSchema.parse(await ctx.params);
    const user = requireUser(req.headers);
    return json(await closeSample(prisma(), { sampleId: id, actorId: user.id, isAdmin: can(user.role, 'assignments:manage') }));
  });
}
