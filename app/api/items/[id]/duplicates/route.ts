import { itemIdFor } from '../item-id';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { itemDuplicates } from '@/lib/dedup/item-duplicates';


/** The item's near-duplicates and evaluation-set overlap. */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => json(await itemDuplicates(prisma(), await itemIdFor(req, ctx, 'read')), { headers: { 'cache-control': 'no-store' } }));
}
