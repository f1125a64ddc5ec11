import { dbIdParam } from '@/lib/http/route-id';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { getPoolDashboard } from '@/lib/dashboard/get-pool-dashboard';

const querySchema = z.object({ dataset: dbIdParam });

/** RL pool figures: pass-rate histograms per type and source, blind and overlap counts per source. */
export async function GET(req: Request): Promise<Response> {
  return handle(async () => {
    const q = querySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    return json(await getPoolDashboard(prisma(), q.dataset), { headers: { 'cache-control': 'no-store' } });
  });
}
