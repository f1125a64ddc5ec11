import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json, readJson } from '@/lib/http/handle';
import { requireUser } from '@/lib/auth/require-user';
import { updateUser, updateUserSchema } from '@/lib/auth/users/update-user';

type Ctx = { params: Promise<{ id: string }> };

// Name, role, disabled, or a new password (which signs the user out everywhere).
export function PATCH(req: Request, ctx: Ctx): Promise<Response> {
  return handle(async () => {
    const actor = requireUser(req.headers);
    const { id } = z.object({ id: z.string().min(1) }).parse(await ctx.params);
    const input = updateUserSchema.parse(await readJson(req));
    return json(await updateUser(prisma(), { actorId: actor.id, userId: id, input }));
  });
}
