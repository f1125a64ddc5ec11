import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { requireUser } from '@/lib/auth/require-user';
import { bulkRestriction } from '@/lib/assignments/bulk-restriction';
import { prepareAcceptRest } from '@/lib/bulk/prepare-accept-rest';
import { dbIdParam } from '@/lib/http/route-id';

const paramsSchema = z.object({ id: dbIdParam });
const bodySchema = z.object({ includeMismatched: z.boolean().default(false) });

/** POST /api/samples/:id/accept-rest — prepares the bulk accept of the unsampled rest (a reviewer's: only assigned items); confirm with /api/bulk/:id/apply. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = paramsSchema.parse(await ctx.params);
    const user = requireUser(req.headers);
    const restrict = await bulkRestriction(prisma(), user);
    const text = await req.text();
    const { includeMismatched } = bodySchema.parse(text.trim() ? JSON.parse(text) : {});
    return json(await prepareAcceptRest(prisma(), { sampleId: id, actorId: user.id, restrict, includeMismatched }), { status: 201 });
  });
}
