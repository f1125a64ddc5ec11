import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json, readJson } from '@/lib/http/handle';
import { requireUser } from '@/lib/auth/require-user';
import { claimNextItem, countQueue } from '@/lib/review-queue/claim-next-item';
import { QUEUE_ORDERS } from '@/lib/review-queue/queue-order';

const id = z.number().int().positive();
const body = z.object({
  // Items to pass over (J), the item being left (its claim ends), one assignment only, the order.
  exclude: z.array(id).max(10_000).default([]),
  release: id.optional(),
  assignment: id.optional(),
  order: z.enum(QUEUE_ORDERS).default('id'),
});

/** POST /api/queue/next — claims the next item of the caller's assignments for them: {claim, remaining}. */
export function POST(req: Request): Promise<Response> {
  return handle(async () => {
    const user = requireUser(req.headers);
    const b = body.parse(await readJson(req));
    const db = prisma();
    const claim = await claimNextItem(db, { reviewerId: user.id, exclude: b.exclude, release: b.release, assignmentId: b.assignment, order: b.order });
    return json({ claim, remaining: await countQueue(db, { reviewerId: user.id, assignmentId: b.assignment }) }, { headers: { 'cache-control': 'no-store' } });
  });
}
