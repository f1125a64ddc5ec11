import { config } from '@/lib/config';
import { prisma } from '@/lib/db/client';
import { getHealth } from '@/lib/health/get-health';
import { handle, json } from '@/lib/http/handle';

export async function GET(): Promise<Response> {
  return handle(async () => {
    const health = await getHealth(prisma(), { staleSeconds: config().workerStaleSeconds });
    return json(health, { status: health.status === 'down' ? 503 : 200, headers: { 'cache-control': 'no-store' } });
  });
}
