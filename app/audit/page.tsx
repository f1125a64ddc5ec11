import { prisma } from '@/lib/db/client';
import { auditQuerySchema, listAuditEvents } from '@/lib/audit/list-audit-events';
import { AuditLog } from '@/features/audit/components/audit-log';

export const metadata = { title: 'Audit · CoT Studio' };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const first = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string) : undefined);
  const parsed = auditQuerySchema.safeParse({ category: first('category'), actor: first('actor'), before: first('before'), subjectType: first('subjectType'), subjectId: first('subjectId') });
  const q = parsed.success ? parsed.data : auditQuerySchema.parse({});
  const { events, nextBefore } = await listAuditEvents(prisma(), q);
  return <AuditLog q={q} events={events} nextBefore={nextBefore} />;
}
