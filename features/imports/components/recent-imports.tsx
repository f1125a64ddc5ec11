'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { TaskStatusBadge } from '@/components/ui/task-status';
import { ProgressBar } from '@/components/ui/progress-bar';
import { useImports } from '@/features/imports/api/imports';
import { TimeAgo } from '@/components/ui/time-ago';

const n = (x: number) => x.toLocaleString('en-US');

export function RecentImports() {
  const { data, error } = useImports();
  const shown = useSearchParams().get('import');
  if (error) return <p className="text-sm text-rose-700">{error.message}</p>;
  if (!data || data.length === 0) return null;
  return (
    <section className="space-y-2">
      <h2 className="text-sm font-semibold text-slate-700">Recent imports</h2>
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm" data-testid="recent-imports">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">#</th>
              <th className="px-3 py-2">Dataset</th>
              <th className="px-3 py-2">File</th>
              <th className="px-3 py-2">Mode</th>
              <th className="px-3 py-2">Status</th>
              <th className="px-3 py-2 text-right">New</th>
              <th className="px-3 py-2 text-right">Updated</th>
              <th className="px-3 py-2 text-right">Bad</th>
              <th className="px-3 py-2">Started</th>
              <th className="px-3 py-2">Report</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data.map((i) => (
              <tr key={i.id} className={String(i.id) === shown ? 'bg-indigo-50/60' : ''} data-testid="recent-import" data-import-id={i.id}>
                <td className="px-3 py-1.5 font-mono text-xs text-slate-500">{i.id}</td>
                <td className="px-3 py-1.5">{i.dataset}</td>
                <td className="max-w-[280px] truncate px-3 py-1.5 font-mono text-xs" title={i.fileName}>
                  {i.fileName}
                </td>
                <td className="px-3 py-1.5 text-xs text-slate-600">{i.mode === 'skip_bad' ? 'skip bad' : 'all or nothing'}</td>
                <td className="w-44 px-3 py-1.5">
                  {i.status === 'running' ? <ProgressBar value={i.bytesTotal > 0 ? i.bytesRead / i.bytesTotal : null} label={`Import ${i.id}`} /> : <TaskStatusBadge status={i.status} />}
                </td>
                <td className="px-3 py-1.5 text-right tabular-nums">{n(i.inserted)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{n(i.updated)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{n(i.rejected)}</td>
                <td className="whitespace-nowrap px-3 py-1.5 text-xs text-slate-500">
                  <TimeAgo at={i.createdAt} />
                </td>
                <td className="whitespace-nowrap px-3 py-1.5 text-xs">
                  <Link href={`/datasets/import?import=${i.id}`} scroll={false} className="text-indigo-700 hover:underline" data-testid="open-import-report">
                    Open
                  </Link>
                  {' · '}
                  <a href={`/api/imports/${i.id}/report`} download className="text-indigo-700 hover:underline" data-testid="download-import-report" title="Outcome and every bad record, one JSON object per line">
                    Download
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
