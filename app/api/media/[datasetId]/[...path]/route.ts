import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle } from '@/lib/http/handle';
import { requestUser } from '@/lib/auth/request-user';
import { assertMediaAccess } from '@/lib/assignments/item-access';
import { dbIdParam } from '@/lib/http/route-id';
import { serveMedia } from '@/lib/media/serve-media';

const paramsSchema = z.object({ datasetId: dbIdParam, path: z.array(z.string()).min(1) });

type Ctx = { params: Promise<{ datasetId: string; path: string[] }> };

async function serve(req: Request, ctx: Ctx, method: 'GET' | 'HEAD'): Promise<Response> {
  return handle(async () => {
    const p = paramsSchema.parse(await ctx.params);
    // Segments arrive decoded; joining them re-forms the record path, which the resolver
    // checks against the media root (so `..`, `%2e%2e` and absolute forms are all refused).
    const mediaPath = p.path.join('/');
    await assertMediaAccess(prisma(), { user: requestUser(req.headers), datasetId: p.datasetId, mediaPath });
    return serveMedia(prisma(), { datasetId: p.datasetId, path: mediaPath, headers: req.headers, method });
  });
}

export function GET(req: Request, ctx: Ctx): Promise<Response> {
  return serve(req, ctx, 'GET');
}

export function HEAD(req: Request, ctx: Ctx): Promise<Response> {
  return serve(req, ctx, 'HEAD');
}
