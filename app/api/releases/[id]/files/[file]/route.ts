import { dbIdParam } from '@/lib/http/route-id';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle } from '@/lib/http/handle';
import { releaseFile } from '@/lib/releases/list-releases';

const paramsSchema = z.object({ id: dbIdParam, file: z.string().min(1).max(200) });

/** One of the release's files (data, manifest, README.md), streamed from disk. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string; file: string }> }): Promise<Response> {
  return handle(async () => {
    const p = paramsSchema.parse(await ctx.params);
    const d = await releaseFile(prisma(), { id: p.id, file: decodeURIComponent(p.file) });
    const body = Readable.toWeb(fs.createReadStream(d.file)) as ReadableStream<Uint8Array>;
    return new Response(body, {
      headers: { 'content-type': d.contentType, 'content-length': String(d.size), 'content-disposition': `attachment; filename="${d.fileName.replace(/[^\w.-]/g, '_')}"`, 'cache-control': 'no-store' },
    });
  });
}
