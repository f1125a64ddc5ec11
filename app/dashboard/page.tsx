import { Suspense } from 'react';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { DashboardView } from '@/features/dashboard/components/dashboard-view';
import { dbIdParam } from '@/lib/http/route-id';
import { getPoolDashboard } from '@/lib/dashboard/get-pool-dashboard';
import { PoolDashboardView } from '@/features/rlpool/components/pool-dashboard';
import { HydrationBoundary, dehydrate } from '@tanstack/react-query';
import { getDashboard } from '@/lib/dashboard/get-dashboard';
import { listSamples } from '@/lib/sampling/list-samples';
import { dashboardKeys, samplesListKey } from '@/features/dashboard/api/keys';
import { asApiJson, serverQueryClient } from '@/components/api/server-query-client';

const querySchema = z.object({ dataset: dbIdParam.optional(), days: z.coerce.number().int().min(1).max(365).optional() });

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const datasets = await prisma().dataset.findMany({ select: { id: true, name: true }, orderBy: { createdAt: 'asc' } });
  if (datasets.length === 0) return <p className="text-sm text-slate-600">No datasets yet.</p>;
  const q = querySchema.safeParse({ dataset: sp.dataset, days: sp.days });
  const datasetId = q.success ? q.data.dataset : undefined;
  if (datasetId === undefined || !datasets.some((d) => d.id === datasetId)) redirect(`/dashboard?dataset=${datasets[0]!.id}`);
  const days = (q.success && q.data.days) || 30;
  // The figures are in the first HTML (rollups make them cheap), not fetched after hydration.
  const queries = serverQueryClient();
  await Promise.all([
    queries.prefetchQuery({ queryKey: dashboardKeys.dataset(datasetId, days), queryFn: async () => asApiJson(await getDashboard(prisma(), { datasetId, days })) }),
    queries.prefetchQuery({ queryKey: samplesListKey(datasetId), queryFn: async () => asApiJson({ samples: await listSamples(prisma(), { datasetId }) }) }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queries)}>
      <div className="space-y-4">
        <DashboardView datasets={datasets} datasetId={datasetId} days={days} />
        {/* The RL pool's figures need a pass over the dataset's items (~0.5 s at 300K): they stream in after the rest. */}
        <Suspense fallback={<div className="h-40 animate-pulse rounded-lg border border-slate-200 bg-white" data-testid="pool-dashboard-loading" />}>
          <PoolSection datasetId={datasetId} />
        </Suspense>
      </div>
    </HydrationBoundary>
  );
}

async function PoolSection({ datasetId }: { datasetId: number }) {
  return <PoolDashboardView data={await getPoolDashboard(prisma(), datasetId)} />;
}
