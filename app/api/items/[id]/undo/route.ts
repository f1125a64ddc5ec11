import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json, readJson } from '@/lib/http/handle';
import { requestUser } from '@/lib/auth/request-user';
import { undoDecision } from '@/lib/review/undo-decision';
import { itemIdFor, type ItemCtx } from '../item-id';

const body = z.object({ expectedRev: z.number().int().min(0) });

export function POST(req: Request, ctx: ItemCtx): Promise<Response> {
  return handle(async () => {
    const raw = await readJson(req);
    // Scope and authorship first (a refused reviewer learns nothing from body errors).
    const itemId = await itemIdFor(req, ctx, 'undo', body.safeParse(raw).data?.expectedRev);
    const { expectedRev } = body.parse(raw);
    return json(await undoDecision(prisma(), { itemId, expectedRev, actorId: requestUser(req.headers)?.id ?? null }));
  });
}
