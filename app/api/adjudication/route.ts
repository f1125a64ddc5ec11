import { dbIdParam } from '@/lib/http/route-id';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { listAdjudication } from '@/lib/review/adjudication';

const query = z.object({ dataset: dbIdParam.optional(), assignment: dbIdParam.optional() });

/** GET /api/adjudication?dataset=&assignment= — items whose reviewers disagreed (admins). */
export function GET(req: Request): Promise<Response> {
  return handle(async () => {
    const p = new URL(req.url).searchParams;
    const q = query.parse({ dataset: p.get('dataset') ?? undefined, assignment: p.get('assignment') ?? undefined });
    return json(await listAdjudication(prisma(), { datasetId: q.dataset, assignmentId: q.assignment }), { headers: { 'cache-control': 'no-store' } });
  });
}
