import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { parseItemFilter } from '@/lib/items/filter';
import { countItems } from '@/lib/items/count-items';
import { requestUser } from '@/lib/auth/request-user';
import { itemReadRestriction } from '@/lib/assignments/item-access';

/** GET /api/items/count?<items filter> — how many items match (exact). */
export async function GET(req: Request): Promise<Response> {
  return handle(async () => {
    const filter = parseItemFilter(new URL(req.url).searchParams);
    const restrict = await itemReadRestriction(prisma(), requestUser(req.headers));
    return json({ count: await countItems(prisma(), filter, restrict) }, { headers: { 'cache-control': 'no-store' } });
  });
}
