import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json, readJson } from '@/lib/http/handle';
import { requireUser } from '@/lib/auth/require-user';
import { getTableLayout, saveTableLayout, TABLE_KEYS } from '@/lib/views/table-layout';

const paramsSchema = z.object({ table: z.enum(TABLE_KEYS) });

/** GET /api/table-layout/items — the user's column order, hidden columns and widths. */
export function GET(req: Request, ctx: { params: Promise<{ table: string }> }): Promise<Response> {
  return handle(async () => {
    const { table } = paramsSchema.parse(await ctx.params);
    const user = requireUser(req.headers);
    return json({ layout: await getTableLayout(prisma(), { userId: user.id, table }) }, { headers: { 'cache-control': 'no-store' } });
  });
}

/** PUT /api/table-layout/items `{ order, hidden, widths }` — replaces the user's layout. */
export function PUT(req: Request, ctx: { params: Promise<{ table: string }> }): Promise<Response> {
  return handle(async () => {
    const { table } = paramsSchema.parse(await ctx.params);
    const user = requireUser(req.headers);
    return json({ layout: await saveTableLayout(prisma(), { userId: user.id, table, layout: await readJson(req) }) });
  });
}
