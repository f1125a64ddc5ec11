'use client';

import { explainRisk } from '@/lib/risk/explain-risk';

/** The item's risk score, its components in the tooltip. */
export function RiskCell({ score, components }: { score: number; components: Record<string, number> }) {
  const tone = score >= 0.5 ? 'bg-rose-100 text-rose-800' : score >= 0.2 ? 'bg-amber-100 text-amber-800' : score > 0 ? 'bg-slate-100 text-slate-700' : 'text-slate-300';
  return (
    <span data-testid="risk-score" title={explainRisk(score, components)} className={`rounded px-1 text-xs tabular-nums ${tone}`}>
      {score.toFixed(2)}
    </span>
  );
}

/** The item's step review at a glance: first wrong step and contradicted claims. */
export function StepCell({ firstError, contradicted, reviewed }: { firstError: number | null; contradicted: number; reviewed: boolean }) {
  return (
    <span className="flex gap-1 text-[10px]">
      {firstError !== null && <span className="rounded bg-rose-50 px-1 text-rose-700 ring-1 ring-rose-200" title={`First wrong step: ${firstError + 1}`}>✗{firstError + 1}</span>}
      {firstError === null && reviewed && <span className="rounded bg-emerald-50 px-1 text-emerald-700 ring-1 ring-emerald-200" title="Steps reviewed, none wrong">✓</span>}
      {contradicted > 0 && <span className="rounded bg-rose-600 px-1 text-white" title={`${contradicted} claims contradicted by the video (evidence check)`}>{contradicted}⚑</span>}
    </span>
  );
}
