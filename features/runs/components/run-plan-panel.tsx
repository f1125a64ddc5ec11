import type { RunPlan } from '@/lib/runs/plan-run';
import { fmtCost, fmtDuration, fmtInt } from './format';

/** A run's pre-flight: what it would do, skip and not be able to do, and what it would cost. */
export function RunPlanPanel({ plan }: { plan: RunPlan }) {
  const unit = plan.unit === 'video' ? 'videos' : 'items';
  const e = plan.estimate;
  return (
    <div className="mt-3 rounded border border-indigo-200 bg-indigo-50/50 px-3 py-2 text-sm text-slate-800" data-testid="run-plan">
      <p>
        <span className="font-semibold tabular-nums">{fmtInt(plan.matching)}</span> {unit} match ·{' '}
        <span className="font-semibold tabular-nums">{fmtInt(plan.skipped)}</span> skipped (already done with this model and prompt) ·{' '}
        <span className="font-semibold tabular-nums" data-testid="plan-to-run">
          {fmtInt(plan.toRun)}
        </span>{' '}
        to run
      </p>
      {plan.cannotRun.map((c) => (
        <p key={c.reason} className="text-amber-800">
          <span className="font-semibold tabular-nums">{fmtInt(c.count)}</span> cannot run yet ({c.endsAs === 'failed' ? 'they would fail' : 'they would be skipped'}): {c.reason}
        </p>
      ))}
      {e.basis !== 'no model' && (
        <p className="mt-1 text-xs text-slate-600">
          Estimate{plan.mode === 'batch' ? ' through the Batch API' : ''}: {fmtInt(e.requests)} requests · {fmtInt(e.tokensIn)} tokens in / {fmtInt(e.tokensOut)} out ·{' '}
          <span data-testid="plan-cost">{e.costUsd === null ? 'no price set' : fmtCost(e.costUsd)}</span>
          {e.batchDiscount !== undefined && e.costUsd !== null && ` at the batch price (${Math.round(e.batchDiscount * 100)}% of live)`} ·{' '}
          {e.seconds === null ? e.limitedBy : `about ${fmtDuration(e.seconds)} (limited by ${e.limitedBy})`}. <span className="text-slate-500">{e.basisNote}.</span>
        </p>
      )}
    </div>
  );
}
