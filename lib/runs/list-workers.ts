import type { PrismaClient } from '@/generated/prisma/client';

export type WorkerView = {
  id: string;
  hostname: string;
  pid: number;
  queues: string[];
  activeJobs: number;
  startedAt: string;
  lastSeenAt: string;
  secondsSinceSeen: number;
  live: boolean;
  /** When it was found dead (its slots freed, its items requeued); null while it beats. */
  goneAt: string | null;
};

/** Workers seen in the last day, live ones first; a silent one shows how long it has been quiet. */
export async function listWorkers(db: PrismaClient, opts: { staleSeconds: number }): Promise<WorkerView[]> {
  const since = new Date(Date.now() - 24 * 3600 * 1000);
  const rows = await db.workerHeartbeat.findMany({ where: { lastSeenAt: { gte: since } }, orderBy: [{ lastSeenAt: 'desc' }], take: 100 });
  const now = Date.now();
  return rows
    .map((w) => {
      const secondsSinceSeen = Math.max(0, Math.round((now - w.lastSeenAt.getTime()) / 1000));
      return {
        id: w.id,
        hostname: w.hostname,
        pid: w.pid,
        queues: w.stages,
        activeJobs: w.activeJobs,
        startedAt: w.startedAt.toISOString(),
        lastSeenAt: w.lastSeenAt.toISOString(),
        secondsSinceSeen,
        live: secondsSinceSeen <= opts.staleSeconds && w.goneAt === null,
        goneAt: w.goneAt?.toISOString() ?? null,
      };
    })
    .sort((a, b) => Number(b.live) - Number(a.live));
}
