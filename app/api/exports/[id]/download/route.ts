import fs from 'node:fs';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle } from '@/lib/http/handle';
import { exportDownload } from '@/lib/export/export-file';
import { dbIdParam } from '@/lib/http/route-id';

const paramsSchema = z.object({ id: dbIdParam });
const querySchema = z.object({ manifest: z.enum(['0', '1']).optional() });

/** The export's file (or `?manifest=1` its manifest), streamed from disk. */
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = paramsSchema.parse(await ctx.params);
    const q = querySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    const d = await exportDownload(prisma(), { exportId: id, manifest: q.manifest === '1' });
    const body = Readable.toWeb(fs.createReadStream(d.file)) as ReadableStream<Uint8Array>;
    return new Response(body, {
      headers: {
        'content-type': d.contentType,
        'content-length': String(d.size),
        'content-disposition': `attachment; filename="${d.fileName.replace(/[^\w.-]/g, '_')}"`,
        'cache-control': 'no-store',
      },
    });
  });
}
