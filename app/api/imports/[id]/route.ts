import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { getImport } from '@/lib/import/list-imports';
import { dbIdParam } from '@/lib/http/route-id';

const paramsSchema = z.object({ id: dbIdParam });

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = paramsSchema.parse(await ctx.params);
    return json({ import: await getImport(prisma(), id) }, { headers: { 'cache-control': 'no-store' } });
  });
}
