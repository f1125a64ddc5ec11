import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json, readJson } from '@/lib/http/handle';
import { requestUser } from '@/lib/auth/request-user';
import { decideItem } from '@/lib/review/decide-item';
import { recordActiveTime } from '@/lib/review/record-active-time';
import { config } from '@/lib/config';
import { REJECT_REASON_CODES } from '@/lib/review/reject-reasons';
import { itemIdOf, type ItemCtx } from '../item-id';

const rev = z.number().int().min(0);
// Active time on the item before deciding (ms); capped on the server (COT_REVIEW_TIME_CAP_SECONDS).
const activeMs = z.number().int().min(0).max(86_400_000).optional();

const decisionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), versionId: z.number().int().positive(), expectedRev: rev, activeMs }),
  z.object({ action: z.literal('reject'), reason: z.enum(REJECT_REASON_CODES), note: z.string().max(2000).optional(), expectedRev: rev, activeMs }),
  z.object({ action: z.literal('skip'), expectedRev: rev, activeMs }),
]);

export function POST(req: Request, ctx: ItemCtx): Promise<Response> {
  return handle(async () => {
    const itemId = await itemIdOf(ctx);
    const { expectedRev, activeMs: ms, ...decision } = decisionBody.parse(await readJson(req));
    const actorId = requestUser(req.headers)?.id ?? null;
    const result = await decideItem(prisma(), { itemId, expectedRev, actorId, decision });
    if (ms !== undefined) await recordActiveTime(prisma(), { reviewId: result.reviewId, reviewerId: actorId, activeMs: ms, capMs: config().reviewTime.capSeconds * 1000 });
    return json(result);
  });
}
