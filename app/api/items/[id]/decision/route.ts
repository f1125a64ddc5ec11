import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json, readJson } from '@/lib/http/handle';
import { requestUser } from '@/lib/auth/request-user';
import { decideItem } from '@/lib/review/decide-item';
import { recordActiveTime } from '@/lib/review/record-active-time';
import { config } from '@/lib/config';
import { REJECT_REASON_CODES } from '@/lib/review/reject-reasons';
import { dbId } from '@/lib/http/route-id';
import { itemIdFor, type ItemCtx } from '../item-id';

const rev = z.number().int().min(0);
// Active time on the item before deciding (ms); capped on the server (COT_REVIEW_TIME_CAP_SECONDS).
const activeMs = z.number().int().min(0).max(86_400_000).optional();

const decisionBody = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('accept'),
    versionId: dbId,
    expectedRev: rev,
    activeMs,
    // Accepting a CoT whose answer check fails needs both (else 422 ANSWER_CHECK_FAILED).
    acceptAnyway: z.literal(true).optional(),
    reason: z.string().trim().min(1, 'give a reason for accepting a CoT whose answer check fails').max(2000).optional(),
  }).refine((b) => !b.acceptAnyway || b.reason, { message: 'acceptAnyway needs a reason', path: ['reason'] }),
  z.object({ action: z.literal('reject'), reason: z.enum(REJECT_REASON_CODES), note: z.string().max(2000).optional(), expectedRev: rev, activeMs }),
  z.object({ action: z.literal('skip'), expectedRev: rev, activeMs }),
]);

export function POST(req: Request, ctx: ItemCtx): Promise<Response> {
  return handle(async () => {
    const itemId = await itemIdFor(req, ctx, 'change');
    const { expectedRev, activeMs: ms, ...body } = decisionBody.parse(await readJson(req));
    const decision = body.action === 'accept' ? { action: body.action, versionId: body.versionId, acceptAnyway: body.acceptAnyway && body.reason ? { reason: body.reason } : undefined } : body;
    const actorId = requestUser(req.headers)?.id ?? null;
    const result = await decideItem(prisma(), { itemId, expectedRev, actorId, decision });
    if (ms !== undefined) await recordActiveTime(prisma(), { reviewId: result.reviewId, reviewerId: actorId, activeMs: ms, capMs: config().reviewTime.capSeconds * 1000 });
    return json(result);
  });
}
