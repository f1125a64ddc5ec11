import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { ExportForm } from '@/features/exports/components/export-form';
import { ExportList } from '@/features/exports/components/export-list';
import { dbIdParam } from '@/lib/http/route-id';

const querySchema = z.object({ dataset: dbIdParam.optional() });

export default async function ExportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const q = querySchema.safeParse(await searchParams);
  const db = prisma();
  const [datasets, sources] = await Promise.all([
    db.dataset.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    db.item.groupBy({ by: ['datasetId', 'dataSource'], _count: { _all: true }, orderBy: [{ datasetId: 'asc' }, { dataSource: 'asc' }] }),
  ]);
  const sourcesByDataset: Record<number, string[]> = {};
  // Items without a data source cannot be picked by source (the filter needs a name).
  for (const s of sources) if (s.dataSource !== '') (sourcesByDataset[s.datasetId] ??= []).push(s.dataSource);
  return (
    <div className="space-y-4">
      <h1 className="text-lg font-semibold">Exports</h1>
      {datasets.length === 0 ? (
        <p className="text-sm text-slate-600">No datasets yet: import one first.</p>
      ) : (
        <ExportForm datasets={datasets} sourcesByDataset={sourcesByDataset} initialDataset={q.success ? q.data.dataset : undefined} />
      )}
      <ExportList />
    </div>
  );
}
