'use client';

import { TimeAgo } from '@/components/ui/time-ago';
import { fmtInt } from './format';
import { useRunBatches } from '@/features/runs/api/run-batches';

const STATE_STYLE: Record<string, string> = {
  uploading: 'bg-slate-100 text-slate-700',
  validating: 'bg-sky-50 text-sky-800',
  in_progress: 'bg-indigo-50 text-indigo-800',
  finalizing: 'bg-indigo-50 text-indigo-800',
  completed: 'bg-emerald-50 text-emerald-800',
  expired: 'bg-amber-50 text-amber-800',
  cancelling: 'bg-slate-100 text-slate-700',
  cancelled: 'bg-slate-100 text-slate-700',
  failed: 'bg-rose-50 text-rose-800',
};

function fmtBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} kB`;
  return `${n} B`;
}

/** A batch-mode run's provider batches: state, counts, age, provider id, resubmissions. */
export function RunBatchesPanel({ runId, active }: { runId: number; active: boolean }) {
  const { data, error, isPending } = useRunBatches(runId, active);
  if (isPending) return <p className="text-xs text-slate-500">Loading batches…</p>;
  if (error) return <p className="text-xs text-rose-700">{error.message}</p>;
  const batches = data.batches;
  const atProvider = batches.filter((b) => b.ingestedAt === null).length;
  return (
    <div data-testid={`run-batches-${runId}`}>
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
        Batch API · {batches.length === 0 ? 'no batch sent yet' : `${fmtInt(batches.length)} batch${batches.length === 1 ? '' : 'es'}, ${fmtInt(atProvider)} at the provider`}
      </h3>
      {batches.length > 0 && (
        <table className="w-full rounded border border-slate-200 bg-white text-xs">
          <thead className="bg-slate-50 text-left text-[11px] uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-2 py-1 font-medium">Batch</th>
              <th className="px-2 py-1 font-medium">State</th>
              <th className="px-2 py-1 text-right font-medium">Requests</th>
              <th className="px-2 py-1 text-right font-medium">Done</th>
              <th className="px-2 py-1 text-right font-medium">Failed</th>
              <th className="px-2 py-1 font-medium">Sent</th>
              <th className="px-2 py-1 font-medium">Provider id</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {batches.map((b) => (
              <tr key={b.id} data-testid="run-batch-row" data-state={b.state}>
                <td className="px-2 py-1 tabular-nums text-slate-700">
                  #{b.id}
                  <span className="ml-1 text-slate-400">{fmtBytes(b.bytes)}</span>
                  {b.resubmissionOf !== null && <div className="text-[11px] text-amber-700">resends #{b.resubmissionOf}&apos;s missing ({b.generation}×)</div>}
                </td>
                <td className="px-2 py-1">
                  <span className={`rounded px-1.5 py-0.5 font-medium ${STATE_STYLE[b.state] ?? 'bg-slate-100 text-slate-700'}`} data-testid="run-batch-state">
                    {b.state.replace('_', ' ')}
                  </span>
                  {b.ingestedAt === null && b.providerBatchId && <span className="ml-1 text-[11px] text-slate-400">polling</span>}
                  {b.error && <div className="mt-0.5 max-w-[16rem] truncate text-[11px] text-rose-700" title={b.error}>{b.error}</div>}
                </td>
                <td className="px-2 py-1 text-right tabular-nums">{fmtInt(b.requests)}</td>
                <td className="px-2 py-1 text-right tabular-nums text-emerald-800">{b.ingestedAt ? fmtInt(b.done) : '—'}</td>
                <td className="px-2 py-1 text-right tabular-nums text-rose-800">{b.ingestedAt ? fmtInt(b.failed) : '—'}</td>
                <td className="px-2 py-1 text-slate-600">
                  <TimeAgo at={b.createdAt} />
                </td>
                <td className="max-w-[10rem] truncate px-2 py-1 font-mono text-[11px] text-slate-600" title={b.providerBatchId ?? ''}>
                  {b.providerBatchId ?? '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
