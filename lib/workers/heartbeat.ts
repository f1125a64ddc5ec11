import os from 'node:os';
import type { PrismaClient } from '@/generated/prisma/client';

export async function beat(db: PrismaClient, w: { id: string; stages: string[]; activeJobs: number }): Promise<void> {
  await db.workerHeartbeat.upsert({
    where: { id: w.id },
    create: { id: w.id, hostname: os.hostname(), pid: process.pid, stages: w.stages, activeJobs: w.activeJobs },
    // A worker found dead that beats again was only slow: it is no longer gone.
    update: { lastSeenAt: new Date(), activeJobs: w.activeJobs, stages: w.stages, goneAt: null },
  });
}

export async function forgetWorker(db: PrismaClient, id: string): Promise<void> {
  await db.workerHeartbeat.deleteMany({ where: { id } });
}

export async function liveWorkers(db: PrismaClient, staleSeconds: number) {
  const since = new Date(Date.now() - staleSeconds * 1000);
  return db.workerHeartbeat.findMany({ where: { lastSeenAt: { gte: since } }, orderBy: { startedAt: 'asc' } });
}
