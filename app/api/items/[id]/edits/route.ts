import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json, readJson } from '@/lib/http/handle';
import { requestUser } from '@/lib/auth/request-user';
import { MAX_COT_LENGTH, saveEdit } from '@/lib/review/save-edit';
import { dbId } from '@/lib/http/route-id';
import { recordActiveTime } from '@/lib/review/record-active-time';
import { config } from '@/lib/config';
import { itemIdFor, type ItemCtx } from '../item-id';

const body = z.object({
  text: z.string().min(1).max(MAX_COT_LENGTH),
  // The version the editor started from and the item revision it saw: a stale save is a 409.
  baseVersionId: dbId,
  expectedRev: z.number().int().min(0),
  accept: z.boolean().default(false),
  // Accepting an edit whose answer check fails needs a reason (else 422 ANSWER_CHECK_FAILED).
  acceptAnyway: z.literal(true).optional(),
  reason: z.string().trim().min(1).max(2000).optional(),
  // Active time on the item (ms), kept on the review row when the edit is accepted.
  activeMs: z.number().int().min(0).max(86_400_000).optional(),
});

export function POST(req: Request, ctx: ItemCtx): Promise<Response> {
  return handle(async () => {
    const itemId = await itemIdFor(req, ctx, 'change');
    const { acceptAnyway, reason, activeMs, ...b } = body.parse(await readJson(req));
    const anyway = acceptAnyway && reason ? { reason } : undefined;
    const actorId = requestUser(req.headers)?.id ?? null;
    const result = await saveEdit(prisma(), { itemId, ...b, acceptAnyway: anyway, actorId });
    if (activeMs !== undefined && result.reviewId !== null) await recordActiveTime(prisma(), { reviewId: result.reviewId, reviewerId: actorId, activeMs, capMs: config().reviewTime.capSeconds * 1000 });
    return json(result, { status: 201 });
  });
}
