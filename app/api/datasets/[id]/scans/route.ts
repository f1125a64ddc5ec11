import { dbIdParam } from '@/lib/http/route-id';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { requestUser } from '@/lib/auth/request-user';
import { createCurationScan, listCurationScans } from '@/lib/dedup/scan/create-scan';

const paramsSchema = z.object({ id: dbIdParam });

/** The dataset's latest duplicate/contamination scans. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = paramsSchema.parse(await ctx.params);
    return json({ scans: await listCurationScans(prisma(), id) }, { headers: { 'cache-control': 'no-store' } });
  });
}

/** Starts a scan (a background job): frame hashes, question MinHash, clusters, contamination. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = paramsSchema.parse(await ctx.params);
    return json({ scan: await createCurationScan(prisma(), { datasetId: id, actorId: requestUser(req.headers)?.id ?? null }) }, { status: 201 });
  });
}
