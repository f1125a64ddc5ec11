'use client';

import { ProgressBar } from '@/components/ui/progress-bar';
import { TaskStatusBadge } from '@/components/ui/task-status';
import { useExports } from '@/features/exports/api/exports';
import type { ExportView } from '@/features/exports/api/keys';

const n = (x: number) => x.toLocaleString('en-US');

function filterSummary(e: ExportView): string {
  const parts = [(e.filter.status ?? ['accepted']).join(', ')];
  if (e.filter.type?.length) parts.push(e.filter.type.join(', '));
  if (e.filter.source?.length) parts.push(e.filter.source.join(', '));
  if (e.options.foldOptions !== undefined) parts.push(e.options.foldOptions ? 'options folded' : 'options separate');
  if (e.options.trainer) parts.push(`for ${e.options.trainer}`);
  if (e.options.includeMismatched) parts.push('incl. answer check ✗');
  return parts.join(' · ');
}

export function ExportList() {
  const { data, error } = useExports();
  if (error) return <p className="text-sm text-rose-700">{error.message}</p>;
  if (!data || data.length === 0) return <p className="text-sm text-slate-500">No exports yet.</p>;
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm" data-testid="exports-table">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-3 py-2">#</th>
            <th className="px-3 py-2">Dataset</th>
            <th className="px-3 py-2">Format</th>
            <th className="px-3 py-2">Filter</th>
            <th className="px-3 py-2">Status</th>
            <th className="px-3 py-2 text-right">Records</th>
            <th className="px-3 py-2">SHA-256</th>
            <th className="px-3 py-2">Download</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {data.map((e) => {
            const sk = e.manifest?.skipped;
            const skipped = sk ? sk.noAcceptedCot + sk.noThinkBlock + (sk.mismatched ?? 0) + (sk.stale ?? 0) : 0;
            return (
              <tr key={e.id} data-testid={`export-row-${e.id}`} data-status={e.status}>
                <td className="px-3 py-1.5 font-mono text-xs text-slate-500">{e.id}</td>
                <td className="px-3 py-1.5">{e.dataset}</td>
                <td className="px-3 py-1.5 text-xs">
                  {e.format} · {e.fileFormat}
                </td>
                <td className="max-w-[260px] truncate px-3 py-1.5 text-xs text-slate-600" title={filterSummary(e)}>
                  {filterSummary(e)}
                </td>
                <td className="w-44 px-3 py-1.5">
                  {e.status === 'running' ? (
                    <div className="space-y-0.5">
                      <ProgressBar value={e.total > 0 ? e.written / e.total : null} label={`Export ${e.id}`} />
                      <div className="text-[11px] tabular-nums text-slate-500">
                        {n(e.written)} / {n(e.total)}
                      </div>
                    </div>
                  ) : (
                    <span title={e.error ?? undefined}>
                      <TaskStatusBadge status={e.status} />
                    </span>
                  )}
                  {e.status === 'failed' && e.error && <div className="mt-0.5 truncate text-[11px] text-rose-700">{e.error}</div>}
                </td>
                <td className="px-3 py-1.5 text-right tabular-nums">
                  {e.manifest ? n(e.manifest.records) : '—'}
                  {skipped > 0 && (
                    <div
                      className="text-[11px] text-slate-500"
                      title={`Left out: ${n(sk!.noAcceptedCot)} without an accepted CoT, ${n(sk!.noThinkBlock)} without a <think> block, ${n(sk!.mismatched ?? 0)} failing the answer check, ${n(sk!.stale ?? 0)} whose source changed since the decision`}
                    >
                      {n(skipped)} left out{sk!.mismatched ? ` (${n(sk!.mismatched)} answer check ✗)` : ''}
                    </div>
                  )}
                  {(e.manifest?.mismatched?.included ?? 0) > 0 && (
                    <div className="text-[11px] text-amber-700">{n(e.manifest!.mismatched!.included)} kept with answer check ✗</div>
                  )}
                </td>
                <td className="px-3 py-1.5 font-mono text-[11px] text-slate-500" title={e.sha256 ?? undefined}>
                  {e.sha256 ? `${e.sha256.slice(0, 12)}…` : '—'}
                </td>
                <td className="whitespace-nowrap px-3 py-1.5 text-xs">
                  {e.status === 'completed' ? (
                    <>
                      <a className="font-medium text-indigo-700 hover:underline" href={`/api/exports/${e.id}/download`} download>
                        {e.fileName}
                      </a>
                      <a className="ml-2 text-slate-500 hover:underline" href={`/api/exports/${e.id}/download?manifest=1`} download>
                        manifest
                      </a>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
