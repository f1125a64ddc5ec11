import { prisma } from '@/lib/db/client';
import { handle, json, readJson } from '@/lib/http/handle';
import { requireUser } from '@/lib/auth/require-user';
import { can } from '@/lib/auth/permissions';
import { listApiTokens } from '@/lib/auth/tokens/list-api-tokens';
import { createApiToken, createApiTokenSchema } from '@/lib/auth/tokens/create-api-token';

// GET: your tokens (?all=1 with users:manage: everyone's). POST: a new token, shown once.
export function GET(req: Request): Promise<Response> {
  return handle(async () => {
    const user = requireUser(req.headers);
    const all = new URL(req.url).searchParams.get('all') === '1' && can(user.role, 'users:manage');
    return json({ tokens: await listApiTokens(prisma(), all ? {} : { userId: user.id }) });
  });
}

export function POST(req: Request): Promise<Response> {
  return handle(async () => {
    const user = requireUser(req.headers);
    const input = createApiTokenSchema.parse(await readJson(req));
    return json(await createApiToken(prisma(), { userId: user.id, input }), { status: 201, headers: { 'cache-control': 'no-store' } });
  });
}
