import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { parseItemFilter } from '@/lib/items/filter';
import { findNeighbors } from '@/lib/items/neighbors';
import { requestUser } from '@/lib/auth/request-user';
import { itemReadRestriction } from '@/lib/assignments/item-access';
import { itemIdFor, type ItemCtx } from '../item-id';

const countSchema = z.coerce.number().int().min(1).max(20).default(1);

// GET /api/items/:id/neighbors?<items-table filter>&count=N — the ids before and after the item
// in the list the reviewer came from (the filter's URL form, lib/items/filter.ts).
export function GET(req: Request, ctx: ItemCtx): Promise<Response> {
  return handle(async () => {
    const itemId = await itemIdFor(req, ctx, 'read');
    const params = new URL(req.url).searchParams;
    const filter = parseItemFilter(params);
    const count = countSchema.parse(params.get('count') ?? undefined);
    const restrict = await itemReadRestriction(prisma(), requestUser(req.headers));
    return json(await findNeighbors(prisma(), { filter, itemId, count, restrict }));
  });
}
