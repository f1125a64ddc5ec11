import { dbIdParam } from '@/lib/http/route-id';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle } from '@/lib/http/handle';
import { getImport } from '@/lib/import/list-imports';
import { importReportJsonl } from '@/lib/import/import-report';

const paramsSchema = z.object({ id: dbIdParam });

/** GET /api/imports/:id/report — the import's outcome and bad records as a JSONL download. */
export function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = paramsSchema.parse(await ctx.params);
    const body = importReportJsonl(await getImport(prisma(), id));
    return new Response(body, {
      headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'content-disposition': `attachment; filename="import-${id}-report.jsonl"`, 'cache-control': 'no-store' },
    });
  });
}
