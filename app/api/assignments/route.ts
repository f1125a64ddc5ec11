import { prisma } from '@/lib/db/client';
import { handle, json, readJson } from '@/lib/http/handle';
import { requireUser } from '@/lib/auth/require-user';
import { can } from '@/lib/auth/permissions';
import { listAssignments } from '@/lib/assignments/list-assignments';
import { createAssignment, createAssignmentSchema } from '@/lib/assignments/create-assignment';

// GET: an admin sees every assignment, a reviewer their own. POST: admins (the proxy checks).
export function GET(req: Request): Promise<Response> {
  return handle(async () => {
    const user = requireUser(req.headers);
    return json({ assignments: await listAssignments(prisma(), can(user.role, 'assignments:manage') ? {} : { reviewerId: user.id }) });
  });
}

export function POST(req: Request): Promise<Response> {
  return handle(async () => {
    const actor = requireUser(req.headers);
    const input = createAssignmentSchema.parse(await readJson(req));
    return json(await createAssignment(prisma(), { actorId: actor.id, input }), { status: 201 });
  });
}
