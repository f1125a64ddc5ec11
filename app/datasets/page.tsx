import Link from 'next/link';
import { prisma } from '@/lib/db/client';
import { headers } from 'next/headers';
import { listDatasets } from '@/lib/datasets/list-datasets';
import { requestUser } from '@/lib/auth/request-user';
import { can } from '@/lib/auth/permissions';
import { DatasetPoolActions } from '@/features/rlpool/components/dataset-pool-actions';

export default async function DatasetsPage() {
  const datasets = await listDatasets(prisma());
  // Media roots are paths on the server: shown to those who manage datasets only.
  const user = requestUser(await headers());
  const manages = user !== null && can(user.role, 'datasets:manage');
  const evalSets = new Set((await prisma().dataset.findMany({ where: { isEvaluationSet: true }, select: { id: true } })).map((d) => d.id));
  const mayImport = manages;
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-lg font-semibold">Datasets</h1>
        {mayImport ? (
          <Link href="/datasets/import" className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700">
            Import dataset
          </Link>
        ) : (
          <span className="rounded bg-slate-200 px-3 py-1.5 text-sm font-medium text-slate-500" title={`Importing needs the admin role; yours is ${user?.role ?? 'unknown'}`} data-testid="import-disabled" aria-disabled="true">
            Import dataset · admins only
          </span>
        )}
      </div>
      {datasets.length === 0 ? (
        <p className="text-sm text-slate-600">No datasets yet. Import one above or with <code>npx cot-studio import</code>.</p>
      ) : (
        <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-4 py-2">Name</th>
                <th className="px-4 py-2 text-right">Items</th>
                <th className="px-4 py-2 text-right">Videos</th>
                <th className="px-4 py-2">Review</th>
                {manages && <th className="px-4 py-2">Media root</th>}
                <th className="px-4 py-2">RL pool</th>
                <th className="px-4 py-2">Guidelines</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {datasets.map((d) => (
                <tr key={d.id} className="hover:bg-slate-50">
                  <td className="px-4 py-2">
                    <Link className="font-medium text-indigo-700 hover:underline" href={`/items?dataset=${d.id}`}>
                      {d.name}
                    </Link>
                    {d.description && <div className="text-xs text-slate-500">{d.description}</div>}
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">{d.items.toLocaleString('en-US')}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{d.videos.toLocaleString('en-US')}</td>
                  <td className="px-4 py-2 text-xs text-slate-600">
                    {Object.entries(d.byStatus)
                      .map(([s, n]) => `${n} ${s}`)
                      .join(' · ')}
                  </td>
                  {manages && (
                    <td className="px-4 py-2 font-mono text-xs text-slate-500" data-testid="media-root">
                      {d.mediaRoot}
                    </td>
                  )}
                  <td className="px-4 py-2">
                    <DatasetPoolActions datasetId={d.id} isEvaluationSet={evalSets.has(d.id)} />
                  </td>
                  <td className="px-4 py-2 text-xs">
                    <Link className="text-indigo-700 hover:underline" href={`/datasets/${d.id}/guidelines`} data-testid={`guidelines-link-${d.id}`}>
                      {mayImport ? 'Write' : 'Read'}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
