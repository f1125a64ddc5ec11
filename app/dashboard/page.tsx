import { redirect } from 'next/navigation';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { DashboardView } from '@/features/dashboard/components/dashboard-view';
import { dbIdParam } from '@/lib/http/route-id';
import { getPoolDashboard } from '@/lib/dashboard/get-pool-dashboard';
import { PoolDashboardView } from '@/features/rlpool/components/pool-dashboard';

const querySchema = z.object({ dataset: dbIdParam.optional(), days: z.coerce.number().int().min(1).max(365).optional() });

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const datasets = await prisma().dataset.findMany({ select: { id: true, name: true }, orderBy: { createdAt: 'asc' } });
  if (datasets.length === 0) return <p className="text-sm text-slate-600">No datasets yet.</p>;
  const q = querySchema.safeParse({ dataset: sp.dataset, days: sp.days });
  const datasetId = q.success ? q.data.dataset : undefined;
  if (datasetId === undefined || !datasets.some((d) => d.id === datasetId)) redirect(`/dashboard?dataset=${datasets[0]!.id}`);
  const pool = await getPoolDashboard(prisma(), datasetId);
  return (
    <div className="space-y-4">
      <DashboardView datasets={datasets} datasetId={datasetId} days={(q.success && q.data.days) || 30} />
      <PoolDashboardView data={pool} />
    </div>
  );
}
