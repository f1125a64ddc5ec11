import { prisma } from '@/lib/db/client';
import { handle, json, readJson } from '@/lib/http/handle';
import { requireUser } from '@/lib/auth/require-user';
import { listUsers } from '@/lib/auth/users/list-users';
import { createUser, createUserSchema } from '@/lib/auth/users/create-user';

export function GET(): Promise<Response> {
  return handle(async () => json({ users: await listUsers(prisma()) }));
}

export function POST(req: Request): Promise<Response> {
  return handle(async () => {
    const actor = requireUser(req.headers);
    const input = createUserSchema.parse(await readJson(req));
    return json(await createUser(prisma(), { actorId: actor.id, input }), { status: 201 });
  });
}
