import { config } from '@/lib/config';
import { handle, json } from '@/lib/http/handle';
import { stageOverview } from '@/lib/runs/stage-overview';

/** Each stage's endpoint (without secrets), prompt versions and suggested filter. */
export async function GET(): Promise<Response> {
  return handle(async () => json(stageOverview(config().pipeline), { headers: { 'cache-control': 'no-store' } }));
}
