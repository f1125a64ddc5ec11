import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json, readJson } from '@/lib/http/handle';
import { requestUser } from '@/lib/auth/request-user';
import { getImport } from '@/lib/import/list-imports';
import { retryImport, retryImportSchema } from '@/lib/import/retry-import';
import { dbIdParam } from '@/lib/http/route-id';

const paramsSchema = z.object({ id: dbIdParam });

/** Body: { mode }. Starts a new import of a failed import's file. */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = paramsSchema.parse(await ctx.params);
    const { mode } = retryImportSchema.parse(await readJson(req));
    const db = prisma();
    const row = await retryImport(db, { importId: id, mode }, requestUser(req.headers)?.id ?? null);
    return json({ import: await getImport(db, row.id) }, { status: 201 });
  });
}
