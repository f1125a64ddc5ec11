import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json, readJson } from '@/lib/http/handle';
import { requestUser } from '@/lib/auth/request-user';
import { MAX_COT_LENGTH, saveEdit } from '@/lib/review/save-edit';
import { recordActiveTime } from '@/lib/review/record-active-time';
import { config } from '@/lib/config';
import { itemIdOf, type ItemCtx } from '../item-id';

const body = z.object({
  text: z.string().min(1).max(MAX_COT_LENGTH),
  // The version the editor started from and the item revision it saw: a stale save is a 409.
  baseVersionId: z.number().int().positive(),
  expectedRev: z.number().int().min(0),
  accept: z.boolean().default(false),
  // Active time on the item (ms), kept on the review row when the edit is accepted.
  activeMs: z.number().int().min(0).max(86_400_000).optional(),
});

export function POST(req: Request, ctx: ItemCtx): Promise<Response> {
  return handle(async () => {
    const itemId = await itemIdOf(ctx);
    const { activeMs, ...b } = body.parse(await readJson(req));
    const actorId = requestUser(req.headers)?.id ?? null;
    const result = await saveEdit(prisma(), { itemId, ...b, actorId });
    if (activeMs !== undefined && result.reviewId !== null) await recordActiveTime(prisma(), { reviewId: result.reviewId, reviewerId: actorId, activeMs, capMs: config().reviewTime.capSeconds * 1000 });
    return json(result, { status: 201 });
  });
}
