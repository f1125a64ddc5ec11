import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { parseItemFilter } from '@/lib/items/filter';
import { listItems, MAX_PAGE_SIZE } from '@/lib/items/list-items';
import { decodePageCursor } from '@/lib/items/page-cursor';
import { requestUser } from '@/lib/auth/request-user';
import { itemReadRestriction } from '@/lib/assignments/item-access';

const pageSchema = z.object({
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
});

/** GET /api/items?<items filter>&cursor=&limit= — one keyset page of the items table. */
export async function GET(req: Request): Promise<Response> {
  return handle(async () => {
    const params = new URL(req.url).searchParams;
    const filter = parseItemFilter(params);
    const page = pageSchema.parse({ cursor: params.get('cursor') ?? undefined, limit: params.get('limit') ?? undefined });
    const restrict = await itemReadRestriction(prisma(), requestUser(req.headers));
    const result = await listItems(prisma(), { filter, limit: page.limit, restrict, ...(page.cursor ? { cursor: decodePageCursor(page.cursor, filter.sort) } : {}) });
    return json(result, { headers: { 'cache-control': 'no-store' } });
  });
}
