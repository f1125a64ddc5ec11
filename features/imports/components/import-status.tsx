'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import { ProgressBar } from '@/components/ui/progress-bar';
import { useImport } from '@/features/imports/api/import';
import { useRetryImport } from '@/features/imports/api/retry-import';
import { isActive } from '@/features/imports/api/keys';
import { plural } from '@/lib/format/plural';

const n = (x: number) => x.toLocaleString('en-US');

/** Progress of one import, then its outcome: counts, warnings and the bad records. */
export function ImportStatus({ importId, onFinished, onRetried }: { importId: number; onFinished?: () => void; onRetried?: (id: number) => void }) {
  const { data: imp, error } = useImport(importId);
  const retry = useRetryImport();
  const finished = imp !== undefined && !isActive(imp.status);
  useEffect(() => {
    if (finished) onFinished?.();
  }, [finished, onFinished]);
  if (error) return <p className="text-sm text-rose-700">{error.message}</p>;
  if (!imp) return null;
  const fraction = imp.bytesTotal > 0 ? imp.bytesRead / imp.bytesTotal : null;
  const report = imp.report ?? {};
  return (
    <div className="space-y-3" data-testid="import-status" data-status={imp.status}>
      <div className="flex items-center justify-between text-sm">
        <span className="font-medium">
          Import #{imp.id} · {imp.fileName} → {imp.dataset}
        </span>
        <span className={imp.status === 'failed' ? 'text-rose-700' : imp.status === 'completed' ? 'text-emerald-700' : 'text-slate-600'}>{imp.status}</span>
      </div>
      {isActive(imp.status) && (
        <div className="space-y-1">
          <ProgressBar value={imp.status === 'queued' ? null : fraction} label="Import progress" />
          <div className="text-xs text-slate-500 tabular-nums">
            {imp.status === 'queued' ? 'Waiting for a worker…' : `${plural(imp.processed, 'record')} read${imp.rejected ? ` · ${n(imp.rejected)} bad` : ''}${fraction !== null ? ` · ${Math.round(fraction * 100)}%` : ''}`}
          </div>
        </div>
      )}
      {imp.status === 'completed' && (
        <div className="rounded border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          <div>
            Imported {n(imp.inserted + imp.updated + (report.unchanged ?? 0))} of {plural(imp.total, 'record')}:{' '}
            <span className="tabular-nums">
              {n(imp.inserted)} new · {n(imp.updated)} updated · {n(report.unchanged ?? 0)} unchanged · {n(imp.rejected)} skipped as bad
            </span>
          </div>
          <div className="text-xs text-emerald-800">
            {plural(report.videosCreated ?? 0, 'media file')} added · {plural(report.versionsCreated ?? 0, 'imported CoT')} · {plural(report.optionsInProblem ?? 0, 'problem')} already {report.optionsInProblem === 1 ? 'holds its' : 'hold their'} options
          </div>
          {imp.datasetId && (
            <Link className="text-xs font-medium text-indigo-700 hover:underline" href={`/items?dataset=${imp.datasetId}`}>
              Open the items →
            </Link>
          )}
        </div>
      )}
      {imp.status === 'failed' && imp.error && (
        <div className="flex items-center justify-between gap-3 rounded border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-900">
          <span>{imp.error}</span>
          {imp.mode === 'all_or_nothing' && imp.rejected > 0 && imp.total > imp.rejected && (
            <button
              type="button"
              disabled={retry.isPending}
              onClick={() => retry.mutate({ importId: imp.id, mode: 'skip_bad' }, { onSuccess: (row) => onRetried?.(row.id) })}
              className="shrink-0 rounded border border-rose-300 bg-white px-2 py-1 text-xs font-medium text-rose-800 hover:bg-rose-100 disabled:opacity-50"
            >
              Import the {n(imp.total - imp.rejected)} good record{imp.total - imp.rejected === 1 ? '' : 's'}
            </button>
          )}
        </div>
      )}
      {retry.error && <div className="text-xs text-rose-700">{retry.error.message}</div>}
      {imp.status === 'queued' && imp.error && <div className="text-xs text-amber-700">{imp.error}</div>}
      {(report.warnings ?? []).map((w) => (
        <div key={w} className="text-xs text-amber-700">
          warning: {w}
        </div>
      ))}
      {(report.recordWarnings ?? []).length > 0 && (
        <details className="rounded border border-amber-200 bg-amber-50/50 text-xs" data-testid="import-record-warnings">
          <summary className="cursor-pointer px-2 py-1 text-amber-800">Records imported with a warning (first {report.recordWarnings!.length})</summary>
          <ul className="max-h-48 overflow-auto px-2 pb-1">
            {report.recordWarnings!.map((w, i) => (
              <li key={i}>
                <span className="font-mono">{w.at}</span> · <span className="font-mono">{w.field}</span>: {w.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      {imp.errors.length > 0 && (
        <div className="max-h-72 overflow-auto rounded border border-slate-200">
          <table className="w-full text-xs" data-testid="import-errors">
            <thead className="sticky top-0 bg-slate-50 text-left text-slate-500">
              <tr>
                <th className="px-2 py-1">Where</th>
                <th className="px-2 py-1">Field</th>
                <th className="px-2 py-1">Problem</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {imp.errors.map((e, i) => (
                <tr key={i}>
                  <td className="whitespace-nowrap px-2 py-1 font-mono">{e.at}</td>
                  <td className="px-2 py-1 font-mono">{e.field ?? '—'}</td>
                  <td className="px-2 py-1">{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.issuesTruncated && <div className="px-2 py-1 text-xs text-slate-500">Only the first {plural(imp.errors.length, 'problem')} are listed.</div>}
        </div>
      )}
    </div>
  );
}
