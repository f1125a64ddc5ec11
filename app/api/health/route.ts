import { config } from '@/lib/config';
import { prisma } from '@/lib/db/client';
import { requestUser } from '@/lib/auth/request-user';
import { can } from '@/lib/auth/permissions';
import { getHealth } from '@/lib/health/get-health';
import { handle, json } from '@/lib/http/handle';

// Anyone (load balancers, uptime checks) gets the bare status; the database, queue depth and
// worker hosts and PIDs only a signed-in admin (cookie or API token) sees.
export async function GET(req: Request): Promise<Response> {
  return handle(async () => {
    const health = await getHealth(prisma(), { staleSeconds: config().workerStaleSeconds });
    const user = requestUser(req.headers);
    const body = user && can(user.role, 'runs:manage') ? health : { status: health.status };
    return json(body, { status: health.status === 'down' ? 503 : 200, headers: { 'cache-control': 'no-store' } });
  });
}
