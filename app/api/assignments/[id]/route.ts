import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { requireUser } from '@/lib/auth/require-user';
import { can } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { assignmentAgreement } from '@/lib/assignments/assignment-agreement';
import { deleteAssignment } from '@/lib/assignments/delete-assignment';
import { dbIdParam } from '@/lib/http/route-id';

type Ctx = { params: Promise<{ id: string }> };
const params = z.object({ id: dbIdParam });

// GET: progress and agreement between the assignment's reviewers.
export function GET(req: Request, ctx: Ctx): Promise<Response> {
  return handle(async () => {
    const user = requireUser(req.headers);
    const { id } = params.parse(await ctx.params);
    if (!can(user.role, 'assignments:manage')) {
      const mine = await prisma().assignmentReviewer.findUnique({ where: { assignmentId_reviewerId: { assignmentId: id, reviewerId: user.id } } });
      if (!mine) throw new AppError('NOT_FOUND', `No assignment ${id}`);
    }
    return json(await assignmentAgreement(prisma(), { assignmentId: id }));
  });
}

export function DELETE(req: Request, ctx: Ctx): Promise<Response> {
  return handle(async () => {
    const actor = requireUser(req.headers);
    const { id } = params.parse(await ctx.params);
    await deleteAssignment(prisma(), { actorId: actor.id, id });
    return new Response(null, { status: 204 });
  });
}
