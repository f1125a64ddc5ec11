import Link from 'next/link';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { listItems } from '@/lib/items/list-items';
import { listDatasets } from '@/lib/datasets/list-datasets';
import { StatusBadge, CorrectMark } from '@/components/ui/badges';

const querySchema = z.object({
  dataset: z.coerce.number().int().positive().optional(),
  after: z.coerce.number().int().positive().optional(),
});

export default async function ItemsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const q = querySchema.parse(await searchParams);
  const db = prisma();
  const datasets = await listDatasets(db);
  const datasetId = q.dataset ?? datasets[0]?.id;
  if (!datasetId) return <p className="text-sm text-slate-600">No datasets yet.</p>;
  const { items, nextAfterId } = await listItems(db, { datasetId, afterId: q.after, limit: 50 });
  const dataset = datasets.find((d) => d.id === datasetId);
  return (
    <div className="space-y-3">
      <h1 className="text-lg font-semibold">
        Items <span className="font-normal text-slate-500">· {dataset?.name}</span>
      </h1>
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm" data-testid="items-table">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">ID</th>
              <th className="px-3 py-2">Question</th>
              <th className="px-3 py-2">Type</th>
              <th className="px-3 py-2">Source</th>
              <th className="px-3 py-2">Draft</th>
              <th className="px-3 py-2">Revision</th>
              <th className="px-3 py-2">Status</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((it) => (
              <tr key={it.id} className="hover:bg-slate-50">
                <td className="px-3 py-1.5 font-mono text-xs">
                  <Link className="text-indigo-700 hover:underline" href={`/items/${it.id}`}>
                    {it.problemId}
                  </Link>
                </td>
                <td className="max-w-[560px] truncate px-3 py-1.5">
                  <Link href={`/items/${it.id}`}>{it.problem.split('\n')[0]}</Link>
                </td>
                <td className="px-3 py-1.5 text-xs">{it.problemType}</td>
                <td className="px-3 py-1.5 text-xs text-slate-600">{it.dataSource}</td>
                <td className="px-3 py-1.5">
                  <CorrectMark correct={it.draftCorrect} score={it.draftScore} />
                </td>
                <td className="px-3 py-1.5">
                  <CorrectMark correct={it.revisionCorrect} score={it.revisionScore} />
                </td>
                <td className="px-3 py-1.5">
                  <StatusBadge status={it.reviewStatus} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {nextAfterId && (
        <Link className="text-sm text-indigo-700 hover:underline" href={`/items?dataset=${datasetId}&after=${nextAfterId}`}>
          Next page →
        </Link>
      )}
    </div>
  );
}
