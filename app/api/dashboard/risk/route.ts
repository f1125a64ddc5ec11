import { dbIdParam } from '@/lib/http/route-id';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { getRiskSummary } from '@/lib/dashboard/risk-summary';

const querySchema = z.object({ dataset: dbIdParam });

/** GET /api/dashboard/risk?dataset= — items per risk bucket and each bucket's acceptance rate. */
export async function GET(req: Request): Promise<Response> {
  return handle(async () => {
    const q = querySchema.parse({ dataset: new URL(req.url).searchParams.get('dataset') ?? undefined });
    return json(await getRiskSummary(prisma(), q.dataset), { headers: { 'cache-control': 'no-store' } });
  });
}
