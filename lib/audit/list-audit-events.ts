import { z } from 'zod';
import type { Prisma, PrismaClient } from '@/generated/prisma/client';
import { dbIdParam } from '../http/route-id';

// The audit page's query. Categories group the verb.noun actions that each area records.
export const AUDIT_CATEGORIES = {
  'sign-in': ['auth.'],
  review: ['review.'],
  edit: ['edit.', 'cot.'],
  bulk: ['bulk.', 'sample.'],
  import: ['import.', 'dataset.'],
  export: ['export.'],
  run: ['run.'],
  access: ['user.', 'token.', 'assignment.'],
} as const;
export type AuditCategory = keyof typeof AUDIT_CATEGORIES;

export const auditQuerySchema = z.object({
  category: z.enum(Object.keys(AUDIT_CATEGORIES) as [AuditCategory, ...AuditCategory[]]).optional(),
  actor: z.string().min(1).max(100).optional(),
  subjectType: z.string().min(1).max(50).optional(),
  subjectId: z.string().min(1).max(100).optional(),
  before: dbIdParam.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;

export type AuditEventView = {
  id: number;
  createdAt: string;
  action: string;
  actor: { id: string; email: string; name: string } | null;
  subjectType: string;
  subjectId: string | null;
  data: unknown;
};

/** Newest first, keyset-paged by id (`before`), so deep pages cost the same as the first. */
export async function listAuditEvents(db: PrismaClient, query: AuditQuery): Promise<{ events: AuditEventView[]; nextBefore: number | null }> {
  const q = auditQuerySchema.parse(query);
  const and: Prisma.AuditEventWhereInput[] = [];
  if (q.category) and.push({ OR: AUDIT_CATEGORIES[q.category].map((p) => ({ action: { startsWith: p } })) });
  if (q.actor) and.push({ OR: [{ actorId: q.actor }, { actor: { is: { email: q.actor.toLowerCase() } } }] });
  if (q.subjectType) and.push({ subjectType: q.subjectType });
  if (q.subjectId) and.push({ subjectId: q.subjectId });
  if (q.before) and.push({ id: { lt: q.before } });
  const rows = await db.auditEvent.findMany({
    where: { AND: and },
    orderBy: { id: 'desc' },
    take: q.limit + 1,
    include: { actor: { select: { id: true, email: true, name: true } } },
  });
  const page = rows.slice(0, q.limit);
  return {
    events: page.map((r) => ({ id: r.id, createdAt: r.createdAt.toISOString(), action: r.action, actor: r.actor, subjectType: r.subjectType, subjectId: r.subjectId, data: r.data })),
    nextBefore: rows.length > q.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}
