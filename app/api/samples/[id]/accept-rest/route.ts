import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { requestUser } from '@/lib/auth/request-user';
import { prepareAcceptRest } from '@/lib/sampling/prepare-accept-rest';

const paramsSchema = z.object({ id: z.coerce.number().int().positive() });

/** POST /api/samples/:id/accept-rest — prepares the bulk accept of the unsampled rest; confirm with /api/bulk/:id/apply. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = paramsSchema.parse(await ctx.params);
    return json(await prepareAcceptRest(prisma(), { sampleId: id, actorId: requestUser(req.headers)?.id ?? null }), { status: 201 });
  });
}
