import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { requireUser } from '@/lib/auth/require-user';
import { getCurrentUser } from '@/lib/auth/users/get-current-user';

// Who the session or token belongs to (the CLI's `whoami`).
export function GET(req: Request): Promise<Response> {
  return handle(async () => json(await getCurrentUser(prisma(), requireUser(req.headers).id)));
}
