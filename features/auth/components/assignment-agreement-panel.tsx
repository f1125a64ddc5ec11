'use client';

import Link from 'next/link';
import { useAssignmentAgreement } from '@/features/auth/api/assignment-agreement';
import { ErrorNote } from '@/components/ui/error-note';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
const kappa = (x: number | null) => (x === null ? '—' : x.toFixed(2));

export function AssignmentAgreementPanel({ id }: { id: number }) {
  const q = useAssignmentAgreement(id, true);
  if (q.error) return <ErrorNote error={q.error} />;
  const a = q.data;
  if (!a) return <p className="text-xs text-slate-400">Loading…</p>;
  return (
    <div className="space-y-3" data-testid={`agreement-${id}`}>
      <p className="text-xs text-slate-600" data-testid="agreement-rule">
        Rule ({a.consensusRule}): {a.ruleText}.{' '}
        {a.needsAdjudication > 0 && (
          <Link href={`/adjudication?assignment=${a.assignmentId}`} className="text-indigo-700 hover:underline">
            Adjudicate {a.needsAdjudication} item{a.needsAdjudication === 1 ? '' : 's'} →
          </Link>
        )}
      </p>
      <dl className="grid grid-cols-4 gap-2 text-sm sm:grid-cols-8">
        {[
          ['Items', a.items],
          ['Complete', a.complete],
          ['In progress', a.inProgress],
          ['Compared', a.compared],
          ['Agreement', pct(a.agreement)],
          ['Pairwise', pct(a.pairwise)],
          [a.kappaMethod === 'cohen' ? "Cohen's κ" : "Fleiss' κ", kappa(a.kappa)],
          ['Adjudicate', a.needsAdjudication],
        ].map(([k, v]) => (
          <div key={k} className="rounded border border-slate-100 bg-slate-50 px-2 py-1.5">
            <dt className="text-[11px] uppercase tracking-wide text-slate-500">{k}</dt>
            <dd className="font-medium tabular-nums" data-testid={`agreement-${String(k).toLowerCase().replace(/[^a-zκ]+/g, '-')}`}>
              {v}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-slate-500">
        Complete: {a.requiredReviews} reviewer decision(s) or more. Agreement: share of items with two or more decisions where everyone decided the same (accept or reject;
        skips do not count). κ corrects agreement for chance (how often reviewers would agree by their label shares alone): 1 is perfect, 0 is chance.
      </p>
      {a.pairs.length > 0 && (
        <table className="text-xs" data-testid="agreement-pairs">
          <thead>
            <tr className="text-left text-slate-500">
              <th className="pr-4 font-medium">Reviewer pair</th>
              <th className="pr-4 font-medium">Both decided</th>
              <th className="pr-4 font-medium">Raw agreement</th>
              <th className="font-medium">Cohen&apos;s κ</th>
            </tr>
          </thead>
          <tbody>
            {a.pairs.map((p) => (
              <tr key={`${p.a}:${p.b}`}>
                <td className="pr-4">
                  {p.emailA} · {p.emailB}
                </td>
                <td className="pr-4 tabular-nums">{p.items}</td>
                <td className="pr-4 tabular-nums">{pct(p.agreement)}</td>
                <td className="tabular-nums">{kappa(p.kappa)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
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
