import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { requireUser } from '@/lib/auth/require-user';
import { revokeApiToken } from '@/lib/auth/tokens/revoke-api-token';

type Ctx = { params: Promise<{ id: string }> };

export function DELETE(req: Request, ctx: Ctx): Promise<Response> {
  return handle(async () => {
    const { id } = z.object({ id: z.coerce.number().int().positive() }).parse(await ctx.params);
    return json(await revokeApiToken(prisma(), { actor: requireUser(req.headers), tokenId: id }));
  });
}
