import type { PrismaClient } from '@/generated/prisma/client';
import { createUser } from './create-user';

// DEMO ONLY: a known login for trying the studio on the demo dataset (documented in the
// README). It is created once; disabling it in Users keeps it disabled.
export const DEMO_REVIEWER = { email: 'reviewer@demo.local', password: 'demo-reviewer', name: 'Demo Reviewer' } as const;

export async function ensureDemoReviewer(db: PrismaClient): Promise<boolean> {
  if (await db.user.findUnique({ where: { email: DEMO_REVIEWER.email }, select: { id: true } })) return false;
  await createUser(db, { actorId: null, input: { ...DEMO_REVIEWER, role: 'reviewer' } }).catch((e) => {
    // Another process seeding at the same moment made it first.
    if (!(e instanceof Error && /already exists/.test(e.message))) throw e;
  });
  return true;
}
