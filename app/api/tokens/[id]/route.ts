import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { requireUser } from '@/lib/auth/require-user';
import { revokeApiToken } from '@/lib/auth/tokens/revoke-api-token';
import { dbIdParam } from '@/lib/http/route-id';

type Ctx = { params: Promise<{ id: string }> };

export function DELETE(req: Request, ctx: Ctx): Promise<Response> {
  return handle(async () => {
    const { id } = z.object({ id: dbIdParam }).parse(await ctx.params);
    return json(await revokeApiToken(prisma(), { actor: requireUser(req.headers), tokenId: id }));
  });
}
