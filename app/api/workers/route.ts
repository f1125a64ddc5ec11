import { config } from '@/lib/config';
import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { listWorkers } from '@/lib/runs/list-workers';

export async function GET(): Promise<Response> {
  return handle(async () => {
    const staleSeconds = config().workerStaleSeconds;
    return json({ workers: await listWorkers(prisma(), { staleSeconds }), staleSeconds }, { headers: { 'cache-control': 'no-store' } });
  });
}
