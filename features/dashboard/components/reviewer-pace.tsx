'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReviewerPace } from '@/lib/dashboard/reviewer-pace';
import { apiFetch } from '@/components/api/api-fetch';

function fmtSeconds(s: number | null): string {
  if (s === null) return '—';
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  return `${Math.floor(s / 60)} min ${String(Math.round(s % 60)).padStart(2, '0')} s`;
}

/** Items per hour of active time and median seconds per item, per reviewer (one-by-one decisions). */
export function ReviewerPaceTable({ datasetId, days }: { datasetId: number; days: number }) {
  const q = useQuery({
    queryKey: ['dashboard', 'reviewer-pace', datasetId, days],
    queryFn: () => apiFetch<{ days: number; reviewers: ReviewerPace[] }>(`/api/dashboard/reviewer-pace?dataset=${datasetId}&days=${days}`),
  });
  if (q.error) return <p className="text-xs text-rose-700">{q.error.message}</p>;
  if (!q.data) return <div className="h-16 animate-pulse rounded bg-slate-100" />;
  if (q.data.reviewers.length === 0) return <p className="py-6 text-center text-xs text-slate-400">No timed decisions in this period (time is recorded for decisions made on the review page).</p>;
  return (
    <table className="w-full text-xs" data-testid="reviewer-pace">
      <thead className="text-left text-[11px] text-slate-500 uppercase">
        <tr>
          <th className="py-1">Reviewer</th>
          <th className="py-1 text-right">Decisions</th>
          <th className="py-1 text-right" title="Decisions per hour of active time on the review page">Items / hour</th>
          <th className="py-1 text-right" title="Median active seconds per decision">Median per item</th>
          <th className="py-1 text-right">Active time</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {q.data.reviewers.map((r) => (
          <tr key={r.reviewerId ?? 'none'} data-testid="reviewer-pace-row">
            <td className="max-w-[160px] truncate py-1" title={r.name}>
              {r.name}
            </td>
            <td className="py-1 text-right tabular-nums">{r.decisions.toLocaleString('en-US')}</td>
            <td className="py-1 text-right tabular-nums" data-testid="pace-per-hour">
              {r.itemsPerHour === null ? '—' : r.itemsPerHour.toLocaleString('en-US')}
            </td>
            <td className="py-1 text-right tabular-nums" data-testid="pace-median">
              {fmtSeconds(r.medianSeconds)}
            </td>
            <td className="py-1 text-right tabular-nums">{fmtSeconds(r.activeSeconds)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
