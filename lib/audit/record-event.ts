import type { Prisma, PrismaClient } from '@/generated/prisma/client';

type Db = PrismaClient | Prisma.TransactionClient;

export type AuditInput = {
  actorId: string | null;
  action: string; // verb.noun, e.g. 'review.accept', 'bulk.accept', 'import.start', 'auth.sign-in'
  subjectType: string;
  subjectId?: string | number | null;
  data?: Prisma.InputJsonValue;
};

/** Writes one audit event; pass the transaction so the event commits with what it records. */
export async function recordAudit(db: Db, e: AuditInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: e.actorId,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId === undefined || e.subjectId === null ? null : String(e.subjectId),
      data: e.data ?? {},
    },
  });
}
