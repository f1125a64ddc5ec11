import { itemIdFor } from '../../item-id';
import { dbIdParam } from '@/lib/http/route-id';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json, readJson } from '@/lib/http/handle';
import { requestUser } from '@/lib/auth/request-user';
import { saveStepVerdict, stepChangeSchema } from '@/lib/steps/save-step-verdict';

type Ctx = { params: Promise<{ id: string; versionId: string }> };
const paramsSchema = z.object({ id: dbIdParam, versionId: dbIdParam });

export function POST(req: Request, ctx: Ctx): Promise<Response> {
  return handle(async () => {
    await itemIdFor(req, ctx, 'change');
    const { id, versionId } = paramsSchema.parse(await ctx.params);
    const change = stepChangeSchema.parse(await readJson(req));
    return json(await saveStepVerdict(prisma(), { itemId: id, versionId, change, actorId: requestUser(req.headers)?.id ?? null }));
  });
}
