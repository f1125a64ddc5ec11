import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { getDashboard } from '@/lib/dashboard/get-dashboard';
import { dbIdParam } from '@/lib/http/route-id';

const querySchema = z.object({ dataset: dbIdParam, days: z.coerce.number().int().min(1).max(365).default(30) });

/** GET /api/dashboard?dataset=&days= — counts per stage and status, score histograms, decisions over time. */
export async function GET(req: Request): Promise<Response> {
  return handle(async () => {
    const p = new URL(req.url).searchParams;
    const q = querySchema.parse({ dataset: p.get('dataset') ?? undefined, days: p.get('days') ?? undefined });
    return json(await getDashboard(prisma(), { datasetId: q.dataset, days: q.days }), { headers: { 'cache-control': 'no-store' } });
  });
}
