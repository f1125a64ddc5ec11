'use client';

import { useWorkers } from '@/features/runs/api/workers';
import { TimeAgo } from '@/components/ui/time-ago';

export function WorkersPanel() {
  const { data, error } = useWorkers();
  const workers = data?.workers ?? [];
  const live = workers.filter((w) => w.live).length;
  return (
    <section className="rounded-lg border border-slate-200 bg-white" data-testid="workers-panel">
      <header className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
        <h2 className="text-sm font-semibold text-slate-900">Workers</h2>
        <span className="text-xs text-slate-500">
          {live} live{data ? ` · silent after ${data.staleSeconds}s` : ''}
        </span>
      </header>
      {error && <p className="px-3 py-2 text-sm text-rose-700">{error.message}</p>}
      {!data ? (
        // The page renders with the list (app/runs/page.tsx); this only shows when that read failed.
        !error && <p className="px-3 py-3 text-sm text-slate-500">Loading workers…</p>
      ) : workers.length === 0 ? (
        <p className="px-3 py-3 text-sm text-slate-500">
          No worker has reported. Start one with <code className="rounded bg-slate-100 px-1">npm run worker</code>.
        </p>
      ) : (
        <table className="w-full text-xs">
          <thead className="text-left text-[11px] uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-1.5 font-medium">Worker</th>
              <th className="px-3 py-1.5 font-medium">Queues</th>
              <th className="px-3 py-1.5 text-right font-medium">Active</th>
              <th className="px-3 py-1.5 text-right font-medium">Heartbeat</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {workers.map((w) => (
              <tr key={w.id} className={w.live ? '' : 'text-slate-400'}>
                <td className="px-3 py-1.5">
                  <span className={`mr-1.5 inline-block h-2 w-2 rounded-full ${w.live ? 'bg-emerald-500' : 'bg-slate-300'}`} aria-label={w.live ? 'live' : 'silent'} />
                  <span className="font-mono">{w.hostname}</span>
                  <span className="text-slate-400"> pid {w.pid}</span>
                  {w.goneAt && (
                    <span className="ml-1.5 rounded bg-rose-50 px-1 text-[10px] font-semibold uppercase text-rose-700" title={`found dead at ${w.goneAt}: its model slots were freed and its items requeued`} data-testid="worker-gone">
                      gone
                    </span>
                  )}
                </td>
                <td className="max-w-[220px] truncate px-3 py-1.5 font-mono text-[11px]" title={w.queues.join(', ')}>
                  {w.queues.map((q) => q.replace(/^stage\./, '')).join(' · ')}
                </td>
                <td className="px-3 py-1.5 text-right tabular-nums">{w.activeJobs}</td>
                <td className="whitespace-nowrap px-3 py-1.5 text-right tabular-nums">
                  <TimeAgo at={w.lastSeenAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
