import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { listDatasets } from '@/lib/datasets/list-datasets';
import { RunsDashboard } from '@/components/runs/runs-dashboard';

// /runs?stage=draft&dataset=1&filter=hasDraft%3Dfalse opens the form prefilled, so other pages
// (the items table's selection) can link to "run a stage on this".
const querySchema = z.object({
  stage: z.enum(['represent', 'draft', 'revise', 'check', 'consistency', 'rollout', 'blind']).optional(),
  dataset: z.coerce.number().int().positive().optional(),
  filter: z.string().max(4000).optional(),
});

export default async function RunsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parsed = querySchema.safeParse(await searchParams);
  const q = parsed.success ? parsed.data : {};
  const datasets = (await listDatasets(prisma())).map((d) => ({ id: d.id, name: d.name, items: d.items }));
  const prefill = q.stage || q.dataset || q.filter ? { stage: q.stage, dataset: q.dataset, filter: q.filter } : null;
  return <RunsDashboard datasets={datasets} prefill={prefill} />;
}
