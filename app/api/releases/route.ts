import { dbIdParam } from '@/lib/http/route-id';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json, readJson } from '@/lib/http/handle';
import { requestUser } from '@/lib/auth/request-user';
import { createRelease, createReleaseSchema } from '@/lib/releases/create-release';
import { getRelease, listReleases } from '@/lib/releases/list-releases';

const querySchema = z.object({ dataset: dbIdParam.optional() });

export async function GET(req: Request): Promise<Response> {
  return handle(async () => {
    const q = querySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    return json({ releases: await listReleases(prisma(), { datasetId: q.dataset }) }, { headers: { 'cache-control': 'no-store' } });
  });
}

/** Body: an export's options plus { name, description? }. Written now (the request waits for the files). */
export async function POST(req: Request): Promise<Response> {
  return handle(async () => {
    const db = prisma();
    const row = await createRelease(db, createReleaseSchema.parse(await readJson(req)), requestUser(req.headers)?.id ?? null);
    return json({ release: await getRelease(db, row.id) }, { status: 201 });
  });
}
