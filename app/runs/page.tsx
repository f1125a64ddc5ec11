import { HydrationBoundary, dehydrate } from '@tanstack/react-query';
import { z } from 'zod';
import { config } from '@/lib/config';
import { prisma } from '@/lib/db/client';
import { listDatasets } from '@/lib/datasets/list-datasets';
import { listRuns } from '@/lib/runs/list-runs';
import { listWorkers } from '@/lib/runs/list-workers';
import { stageOverview } from '@/lib/runs/stage-overview';
import { RunsDashboard } from '@/features/runs/components/runs-dashboard';
import { dbIdParam } from '@/lib/http/route-id';
import { runKeys, workerKeys } from '@/features/runs/api/keys';
import { asApiJson, serverQueryClient } from '@/components/api/server-query-client';

// /runs?stage=draft&dataset=1&filter=hasDraft%3Dfalse opens the form prefilled, so other pages
// (the items table's selection) can link to "run a stage on this".
const querySchema = z.object({
  stage: z.enum(['represent', 'draft', 'revise', 'check', 'consistency', 'evidence', 'rollout', 'blind']).optional(),
  dataset: dbIdParam.optional(),
  filter: z.string().max(4000).optional(),
});

/**
 * The jobs page. The runs, the workers and the stages' endpoints are read here and handed to
 * the page's queries (the same data /api/runs, /api/workers and /api/runs/config answer), so
 * the first HTML shows them instead of "Loading…" or "No worker has reported"; the browser
 * then keeps them live by polling.
 */
export default async function RunsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parsed = querySchema.safeParse(await searchParams);
  const q = parsed.success ? parsed.data : {};
  const db = prisma();
  const queries = serverQueryClient();
  const staleSeconds = config().workerStaleSeconds;
  const [datasets] = await Promise.all([
    listDatasets(db).then((all) => all.map((d) => ({ id: d.id, name: d.name, items: d.items }))),
    queries.prefetchQuery({ queryKey: runKeys.list(), queryFn: async () => asApiJson(await listRuns(db)) }),
    queries.prefetchQuery({ queryKey: workerKeys.all, queryFn: async () => asApiJson({ workers: await listWorkers(db, { staleSeconds }), staleSeconds }) }),
    queries.prefetchQuery({ queryKey: runKeys.config(), queryFn: () => asApiJson(stageOverview(config().pipeline)) }),
  ]);
  const prefill = q.stage || q.dataset || q.filter ? { stage: q.stage, dataset: q.dataset, filter: q.filter } : null;
  return (
    <HydrationBoundary state={dehydrate(queries)}>
      <RunsDashboard datasets={datasets} prefill={prefill} />
    </HydrationBoundary>
  );
}
