import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { parseItemFilter } from '@/lib/items/filter';
import { countItems } from '@/lib/items/count-items';

/** GET /api/items/count?<items filter> — how many items match (exact). */
export async function GET(req: Request): Promise<Response> {
  return handle(async () => {
    const filter = parseItemFilter(new URL(req.url).searchParams);
    return json({ count: await countItems(prisma(), filter) }, { headers: { 'cache-control': 'no-store' } });
  });
}
