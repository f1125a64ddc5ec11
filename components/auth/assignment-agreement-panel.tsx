'use client';

import Link from 'next/link';
import { useAssignmentAgreement } from './queries/use-assignment-agreement';
import { ErrorNote } from './error-note';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

export function AssignmentAgreementPanel({ id }: { id: number }) {
  const q = useAssignmentAgreement(id, true);
  if (q.error) return <ErrorNote error={q.error} />;
  const a = q.data;
  if (!a) return <p className="text-xs text-slate-400">Loading…</p>;
  return (
    <div className="space-y-3" data-testid={`agreement-${id}`}>
      <dl className="grid grid-cols-3 gap-2 text-sm sm:grid-cols-6">
        {[
          ['Items', a.items],
          ['Complete', a.complete],
          ['In progress', a.inProgress],
          ['Compared', a.compared],
          ['Agreement', pct(a.agreement)],
          ['Pairwise', pct(a.pairwise)],
        ].map(([k, v]) => (
          <div key={k} className="rounded border border-slate-100 bg-slate-50 px-2 py-1.5">
            <dt className="text-[11px] uppercase tracking-wide text-slate-500">{k}</dt>
            <dd className="font-medium tabular-nums" data-testid={`agreement-${String(k).toLowerCase().replace(' ', '-')}`}>
              {v}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-slate-500">
        Complete: {a.requiredReviews} reviewer decision(s) or more. Agreement: share of items with two or more decisions where everyone decided the same (accept or reject;
        skips do not count).
      </p>
      <div className="flex flex-wrap gap-3 text-xs text-slate-600">
        {a.perReviewer.map((r) => (
          <span key={r.reviewerId}>
            {r.email}: <span className="font-medium tabular-nums">{r.decided}</span>
          </span>
        ))}
      </div>
      {a.disagreements.length > 0 && (
        <div>
          <h4 className="mb-1 text-xs font-semibold text-slate-700">Disagreements</h4>
          <ul className="divide-y divide-slate-100 rounded border border-slate-100 text-sm">
            {a.disagreements.map((d) => (
              <li key={d.itemId} className="flex items-center gap-3 px-2 py-1">
                <Link href={`/items/${d.itemId}`} className="font-mono text-xs text-indigo-700 hover:underline">
                  #{d.problemId}
                </Link>
                <span className="text-xs text-slate-600">{d.decisions.map((x) => `${x.email}: ${x.status}`).join(' · ')}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
