import { z } from 'zod';
import { handle, json } from '@/lib/http/handle';
import { appendUpload } from '@/lib/import/uploads';

const paramsSchema = z.object({ id: z.string().min(1) });
const querySchema = z.object({ offset: z.coerce.number().int().min(0) });

/** One chunk of an upload: PUT /api/imports/uploads/<id>?offset=<bytes already sent>, raw bytes. */
export async function PUT(req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    const { id } = paramsSchema.parse(await ctx.params);
    const { offset } = querySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    return json(await appendUpload(id, offset, await req.arrayBuffer()));
  });
}
