import { dbIdParam } from '@/lib/http/route-id';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { getReviewerPace } from '@/lib/dashboard/reviewer-pace';

const querySchema = z.object({ dataset: dbIdParam, days: z.coerce.number().int().min(1).max(365).default(30) });

/** GET /api/dashboard/reviewer-pace?dataset=&days= — items per active hour and median seconds per item, per reviewer. */
export function GET(req: Request): Promise<Response> {
  return handle(async () => {
    const p = new URL(req.url).searchParams;
    const q = querySchema.parse({ dataset: p.get('dataset') ?? undefined, days: p.get('days') ?? undefined });
    return json(await getReviewerPace(prisma(), { datasetId: q.dataset, days: q.days }), { headers: { 'cache-control': 'no-store' } });
  });
}
