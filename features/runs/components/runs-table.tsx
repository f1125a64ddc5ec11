'use client';

import { Fragment, useState } from 'react';
import Link from 'next/link';
import type { RunView } from '@/lib/runs/run-view';
import { fmtCost, fmtDuration, fmtFilter, fmtInt, fmtRate, fmtTokens } from './format';
import { RunProgress } from './run-progress';
import { useCancelRun } from '@/features/runs/api/cancel-run';
import { useRetryRun } from '@/features/runs/api/retry-run';
import { useWorkers } from '@/features/runs/api/workers';
import { RunDetailPanel } from './run-detail-panel';
import { RunStatusBadge, StageBadge } from './run-status';
import { TimeAgo } from '@/components/ui/time-ago';

const th = 'px-3 py-2 font-medium';

export function RunsTable({ runs, onRerun }: { runs: RunView[]; onRerun: (run: RunView) => void }) {
  const [open, setOpen] = useState<number | null>(null);
  const cancel = useCancelRun();
  const retry = useRetryRun();
  const workers = useWorkers();
  // A run waits forever when no live worker takes its stage (e.g. its endpoint is configured
  // in the web app but not in any worker): say so next to the run.
  const served = new Set((workers.data?.workers ?? []).filter((w) => w.live).flatMap((w) => w.queues));
  const actionError = cancel.error ?? retry.error;
  if (runs.length === 0) return <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-500">No runs yet. Start one with “New run”.</p>;
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
      {actionError && (
        <p className="border-b border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800" role="alert">
          {actionError.message}
        </p>
      )}
      <table className="w-full text-sm" data-testid="runs-table">
        <thead className="bg-slate-50 text-left text-[11px] uppercase tracking-wide text-slate-500">
          <tr>
            <th className={th}>Run</th>
            <th className={th}>Selection</th>
            <th className={`${th} w-[24%]`}>Progress</th>
            <th className={`${th} text-right`}>Rate</th>
            <th className={`${th} text-right`} title="Time left while running; time taken once finished">ETA · took</th>
            <th className={`${th} text-right`}>Tokens in / out</th>
            <th className={`${th} text-right`}>Cost</th>
            <th className={th}>Status</th>
            <th className={`${th} text-right`} aria-label="Actions" />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {runs.map((r) => {
            const active = r.status === 'queued' || r.status === 'running';
            return (
              <Fragment key={r.id}>
                <tr className={`cursor-pointer align-top hover:bg-slate-50 ${open === r.id ? 'bg-slate-50' : ''}`} onClick={() => setOpen(open === r.id ? null : r.id)} data-testid={`run-row-${r.id}`}>
                  <td className="whitespace-nowrap px-3 py-2">
                    <div className="flex items-center gap-2">
                      <span className="font-mono text-xs text-slate-500">#{r.id}</span>
                      <StageBadge stage={r.stage} />
                      {r.mode === 'batch' && <span className="rounded bg-indigo-50 px-1 text-[10px] font-medium uppercase text-indigo-700" title="Through the Batch API" data-testid="run-mode-batch">batch</span>}
                    </div>
                    <div className="mt-0.5 max-w-[180px] truncate text-xs text-slate-500" title={`${r.model ?? ''} ${r.promptVersion ?? ''}`}>
                      {r.model ?? 'no model'}
                      {r.promptVersion && <span className="text-slate-400"> · {r.promptVersion.split('/')[1]}</span>}
                    </div>
                  </td>
                  <td className="px-3 py-2">
                    <Link href={`/items?dataset=${r.datasetId}`} onClick={(e) => e.stopPropagation()} className="font-medium text-indigo-700 hover:underline">
                      {r.datasetName}
                    </Link>
                    <div className="max-w-[220px] truncate font-mono text-[11px] text-slate-500" title={fmtFilter(r.filter)}>
                      {fmtFilter(r.filter)}
                    </div>
                  </td>
                  <td className="px-3 py-2">
                    <RunProgress run={r} />
                    <div className="mt-1 text-xs tabular-nums text-slate-600" data-testid="run-progress">
                      <span className="font-medium text-slate-900">{fmtInt(r.done)}</span> / {fmtInt(r.total)} done
                      {r.failed > 0 && <span className="text-rose-700"> · {fmtInt(r.failed)} failed</span>}
                      {r.skipped > 0 && <span> · {fmtInt(r.skipped)} skipped</span>}
                      {r.cancelled > 0 && <span className="text-amber-700"> · {fmtInt(r.cancelled)} cancelled</span>}
                      {active && r.inFlight > 0 && <span className="text-indigo-700"> · {r.inFlight} in flight</span>}
                    </div>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums text-slate-700"><span title={active ? 'results per minute over the last minute' : 'average results per minute over the run'}>{fmtRate(r.ratePerMinute)}</span></td>
                  <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums text-slate-700">
                    {active ? (r.etaSeconds !== null ? fmtDuration(r.etaSeconds) : '…') : r.startedAt && r.finishedAt ? <span className="text-slate-400" title="took">{fmtDuration((Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 1000)}</span> : '—'}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums text-slate-700">
                    {fmtTokens(r.tokensIn)} / {fmtTokens(r.tokensOut)}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums text-slate-700">{r.stage === 'check' ? '—' : r.priceSet ? fmtCost(r.costUsd) : <span className="text-xs text-slate-400">no price set</span>}</td>
                  <td className="whitespace-nowrap px-3 py-2">
                    <RunStatusBadge status={r.status} failed={r.failed} />
                    {active && workers.data && !served.has(r.mode === 'batch' ? 'batch.tick' : `stage.${r.stage}`) && (
                      <div className="mt-0.5 max-w-[140px] text-[11px] leading-tight text-amber-700" data-testid="no-worker-warning">
                        no live worker takes {r.mode === 'batch' ? 'batch' : r.stage} jobs
                      </div>
                    )}
                    <div className="mt-0.5 text-[11px] text-slate-400">
                      <TimeAgo at={r.createdAt} />
                    </div>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 text-right" onClick={(e) => e.stopPropagation()}>
                    <div className="inline-flex gap-1">
                      {active && (
                        <button type="button" className="rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:border-rose-300 hover:bg-rose-50 hover:text-rose-700 disabled:opacity-50" disabled={cancel.isPending} onClick={() => cancel.mutate(r.id)} data-testid={`cancel-run-${r.id}`}>
                          Cancel
                        </button>
                      )}
                      {(r.failed > 0 || (r.status === 'cancelled' && r.cancelled > 0)) && (
                        <button type="button" className="rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100 disabled:opacity-50" disabled={retry.isPending} onClick={() => retry.mutate(r.id)} data-testid={`retry-run-${r.id}`}>
                          {r.status === 'cancelled' ? 'Resume' : `Retry ${fmtInt(r.failed)} failed`}
                        </button>
                      )}
                      <button type="button" className="rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100" onClick={() => onRerun(r)} title="Start this stage again on the same selection, e.g. with another model or prompt">
                        Re-run…
                      </button>
                    </div>
                  </td>
                </tr>
                {open === r.id && (
                  <tr>
                    <td colSpan={9} className="p-0">
                      <RunDetailPanel runId={r.id} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
