import { prisma } from '@/lib/db/client';
import { handle, json } from '@/lib/http/handle';
import { auditQuerySchema, listAuditEvents } from '@/lib/audit/list-audit-events';

export function GET(req: Request): Promise<Response> {
  return handle(async () => {
    const query = auditQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    return json(await listAuditEvents(prisma(), query));
  });
}
