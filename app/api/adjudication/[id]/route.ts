import { dbIdParam } from '@/lib/http/route-id';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json, readJson } from '@/lib/http/handle';
import { requireUser } from '@/lib/auth/require-user';
import { getAdjudicationItem } from '@/lib/review/adjudication';
import { decideItem } from '@/lib/review/decide-item';
import { REJECT_REASON_CODES } from '@/lib/review/reject-reasons';

type Ctx = { params: Promise<{ id: string }> };
const params = z.object({ id: dbIdParam });
const rev = z.number().int().min(0);
const body = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), versionId: z.number().int().positive(), expectedRev: rev, acceptAnyway: z.literal(true).optional(), reason: z.string().trim().min(1).max(2000).optional() }),
  z.object({ action: z.literal('reject'), reason: z.enum(REJECT_REASON_CODES), note: z.string().max(2000).optional(), expectedRev: rev }),
]);

/** GET /api/adjudication/:id — the item with every reviewer's decision and chosen CoT. */
export function GET(_req: Request, ctx: Ctx): Promise<Response> {
  return handle(async () => json(await getAdjudicationItem(prisma(), params.parse(await ctx.params).id), { headers: { 'cache-control': 'no-store' } }));
}

/** POST /api/adjudication/:id — the admin's decision, which settles the item (same rules as a decision, answer guard included). */
export function POST(req: Request, ctx: Ctx): Promise<Response> {
  return handle(async () => {
    const { id } = params.parse(await ctx.params);
    const user = requireUser(req.headers);
    const b = body.parse(await readJson(req));
    const decision =
      b.action === 'accept'
        ? { action: 'accept' as const, versionId: b.versionId, acceptAnyway: b.acceptAnyway && b.reason ? { reason: b.reason } : undefined }
        : { action: 'reject' as const, reason: b.reason, note: b.note };
    return json(await decideItem(prisma(), { itemId: id, expectedRev: b.expectedRev, actorId: user.id, decision, adjudicate: true }));
  });
}
