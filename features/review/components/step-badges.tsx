'use client';

import type { EvidenceVerdict, StepLabel } from '@/lib/steps/step-types';

const LABEL = {
  '1': { text: '+1', title: 'Correct', cls: 'bg-emerald-100 text-emerald-800 ring-emerald-200' },
  '0': { text: '0', title: 'Neutral', cls: 'bg-slate-100 text-slate-700 ring-slate-200' },
  '-1': { text: '−1', title: 'Wrong', cls: 'bg-rose-100 text-rose-800 ring-rose-300' },
} as const;

export function LabelBadge({ label }: { label: StepLabel | undefined }) {
  if (label === undefined) return <span className="inline-block w-7 text-center text-[10px] text-slate-300" title="Not reviewed">·</span>;
  const l = LABEL[String(label) as '1' | '0' | '-1'];
  return (
    <span data-testid="step-label" data-label={label} title={l.title} className={`inline-block w-7 rounded px-1 text-center font-mono text-[10px] font-semibold ring-1 ring-inset ${l.cls}`}>
      {l.text}
    </span>
  );
}

const EVIDENCE = {
  supported: { text: 'supported', cls: 'bg-emerald-50 text-emerald-700 ring-emerald-200' },
  contradicted: { text: 'contradicted', cls: 'bg-rose-600 text-white ring-rose-700' },
  not_visible: { text: 'not visible', cls: 'bg-amber-50 text-amber-700 ring-amber-200' },
} as const;

export function EvidenceBadge({ verdict, reason, model }: { verdict: EvidenceVerdict; reason: string; model: string | null }) {
  const e = EVIDENCE[verdict];
  return (
    <span data-testid="evidence-badge" data-verdict={verdict} title={`Evidence check${model ? ` (${model})` : ''}: ${reason}`} className={`rounded px-1 py-px text-[10px] font-medium ring-1 ring-inset ${e.cls}`}>
      {e.text}
    </span>
  );
}
