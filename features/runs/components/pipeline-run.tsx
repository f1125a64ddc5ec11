'use client';

import { useState } from 'react';
import type { PipelinePlan, PipelineRunInput, PipelineRunView } from '@/lib/runs/pipeline-run';
import type { RunPlan } from '@/lib/runs/plan-run';
import { fmtCost, fmtDuration, fmtInt, fmtTokens } from './format';
import { useCreatePipelineRun, usePipelineAction, usePipelineRun, usePlanPipelineRun } from '@/features/runs/api/pipeline-run';

const TARGETS = ['draft', 'revise', 'check'];

/**
 * Under a run's pre-flight: when some items cannot run yet because an earlier stage is missing,
 * offers a pipeline run — its own pre-flight per stage, then "Start pipeline run", then its
 * progress per stage.
 */
export function MissingStagesOffer({ input, plan }: { input: PipelineRunInput; plan: RunPlan }) {
  const planPipeline = usePlanPipelineRun();
  const create = useCreatePipelineRun();
  const [startedId, setStartedId] = useState<number | null>(null);
  const blocked = plan.cannotRun.reduce((a, c) => a + c.count, 0);
  if (!TARGETS.includes(plan.stage) || blocked === 0) return null;
  if (startedId !== null) return <PipelineProgress runId={startedId} />;
  const error = planPipeline.error ?? create.error;
  return (
    <div className="mt-2 rounded border border-amber-200 bg-amber-50/60 px-3 py-2 text-sm" data-testid="missing-stages">
      {!planPipeline.data ? (
        <div className="flex items-center justify-between gap-3">
          <p className="text-amber-900">
            {fmtInt(blocked)} {blocked === 1 ? 'item needs' : 'items need'} an earlier stage first. A pipeline run does the missing stages and moves each item on as soon as its previous stage is done.
          </p>
          <button
            type="button"
            onClick={() => planPipeline.mutate(input)}
            disabled={planPipeline.isPending}
            className="shrink-0 rounded border border-amber-300 bg-white px-3 py-1.5 text-sm font-medium text-amber-900 shadow-sm hover:bg-amber-100 disabled:opacity-50"
            data-testid="plan-pipeline-run"
          >
            {planPipeline.isPending ? 'Planning…' : 'Run the missing stages first'}
          </button>
        </div>
      ) : (
        <>
          <PipelinePlanPanel plan={planPipeline.data} />
          <div className="mt-2 flex justify-end">
            <button
              type="button"
              onClick={() => create.mutate(input, { onSuccess: (p) => setStartedId(p.id) })}
              disabled={create.isPending}
              className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-indigo-700 disabled:opacity-50"
              data-testid="start-pipeline-run"
            >
              {create.isPending ? 'Starting…' : 'Start pipeline run'}
            </button>
          </div>
        </>
      )}
      {error && (
        <p className="mt-1 text-sm text-rose-700" role="alert">
          {error.message}
        </p>
      )}
    </div>
  );
}

/** A pipeline run's pre-flight: per stage, what runs and is skipped, tokens, cost and time. */
export function PipelinePlanPanel({ plan }: { plan: PipelinePlan }) {
  const t = plan.total;
  return (
    <div data-testid="pipeline-plan">
      <p className="text-slate-800">
        Pipeline run up to <span className="font-semibold">{plan.target}</span> over {fmtInt(plan.items)} items:
      </p>
      <table className="mt-1 w-full text-xs">
        <thead className="text-left text-[11px] uppercase tracking-wide text-slate-500">
          <tr>
            <th className="py-1 font-medium">Stage</th>
            <th className="py-1 text-right font-medium">To run</th>
            <th className="py-1 text-right font-medium">Skipped</th>
            <th className="py-1 pl-3 font-medium">Model</th>
            <th className="py-1 text-right font-medium">Requests</th>
            <th className="py-1 text-right font-medium">Tokens in / out</th>
            <th className="py-1 text-right font-medium">Cost</th>
            <th className="py-1 text-right font-medium">Time</th>
          </tr>
        </thead>
        <tbody className="tabular-nums text-slate-800">
          {plan.stages.map((s) => (
            <tr key={s.stage} className="border-t border-amber-100" data-testid={`pipeline-plan-${s.stage}`}>
              <td className="py-1 font-medium">{s.stage}</td>
              <td className="py-1 text-right">
                {fmtInt(s.toRun)} {s.unit === 'video' ? 'videos' : 'items'}
              </td>
              <td className="py-1 text-right text-slate-500">{fmtInt(s.skipped)}</td>
              <td className="py-1 pl-3 text-slate-600">{s.model ?? 'no model'}</td>
              <td className="py-1 text-right">{s.estimate.basis === 'no model' ? '—' : fmtInt(s.estimate.requests)}</td>
              <td className="py-1 text-right">{s.estimate.basis === 'no model' ? '—' : `${fmtTokens(s.estimate.tokensIn)} / ${fmtTokens(s.estimate.tokensOut)}`}</td>
              <td className="py-1 text-right">{s.estimate.basis === 'no model' ? '—' : s.estimate.costUsd === null ? 'no price set' : fmtCost(s.estimate.costUsd)}</td>
              <td className="py-1 text-right">{s.estimate.seconds === null ? '—' : fmtDuration(s.estimate.seconds)}</td>
            </tr>
          ))}
          <tr className="border-t border-amber-200 font-semibold">
            <td className="py-1">Total</td>
            <td colSpan={3} />
            <td className="py-1 text-right">{fmtInt(t.requests)}</td>
            <td className="py-1 text-right">
              {fmtTokens(t.tokensIn)} / {fmtTokens(t.tokensOut)}
            </td>
            <td className="py-1 text-right">{t.costUsd === null ? 'no price set' : fmtCost(t.costUsd)}</td>
            <td className="py-1 text-right" title="Stages overlap (each item moves on when ready): the sum of the stages' times is the upper bound">
              ≤ {fmtDuration(t.seconds)}
            </td>
          </tr>
        </tbody>
      </table>
      <p className="mt-1 text-[11px] text-slate-500">
        Earlier stages run only for items missing their output (or when an earlier stage runs for the item); {plan.target} keeps its rule (skipped when already done with this model and prompt). Estimates: {plan.stages.map((s) => s.estimate.basisNote).join(' · ')}.
      </p>
    </div>
  );
}

function StageBar({ s }: { s: PipelineRunView['stages'][number] }) {
  const total = Math.max(1, s.total);
  const c = s.counts;
  const seg = (n: number, cls: string, label: string) => (n > 0 ? <div key={label} className={cls} style={{ width: `${(n / total) * 100}%` }} title={`${n} ${label}`} /> : null);
  return (
    <div className="flex h-1.5 w-full overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-valuemin={0} aria-valuemax={s.total} aria-valuenow={c.done + c.failed + c.skipped + c.cancelled}>
      {seg(c.done, 'bg-emerald-500', 'done')}
      {seg(c.failed, 'bg-rose-500', 'failed')}
      {seg(c.skipped, 'bg-slate-300', 'skipped')}
      {seg(c.cancelled, 'bg-amber-300', 'cancelled')}
      {seg(c.running, 'bg-indigo-300 animate-pulse', 'running')}
    </div>
  );
}

/** A pipeline run's progress per stage (nothing for a plain run), with cancel / retry / resume. */
export function PipelineProgress({ runId }: { runId: number }) {
  const { data, error } = usePipelineRun(runId);
  const action = usePipelineAction(runId);
  if (error) return <p className="text-sm text-rose-700">{error.message}</p>;
  if (!data) return null;
  const failed = data.stages.reduce((a, s) => a + s.counts.failed, 0);
  const spend = data.stages.reduce((a, s) => a + s.costUsd, 0);
  const tokensIn = data.stages.reduce((a, s) => a + s.tokensIn, 0);
  const tokensOut = data.stages.reduce((a, s) => a + s.tokensOut, 0);
  return (
    <div className="mt-2 rounded border border-indigo-200 bg-white px-3 py-2 text-sm" data-testid="pipeline-progress" data-status={data.status}>
      <div className="flex items-center justify-between gap-3">
        <p className="font-medium text-slate-900">
          Pipeline run #{data.id} up to {data.target} · <span data-testid="pipeline-status">{data.status}</span>
          {data.failedItems > 0 && <span className="ml-2 text-xs font-normal text-rose-700">{fmtInt(data.failedItems)} items stopped (failed with their reason)</span>}
        </p>
        <div className="flex gap-2">
          {data.status === 'running' && (
            <button type="button" onClick={() => action.mutate('cancel')} disabled={action.isPending} className="rounded border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-50" data-testid="pipeline-cancel">
              Cancel
            </button>
          )}
          {(data.status === 'cancelled' || (data.status === 'completed' && failed > 0)) && (
            <button type="button" onClick={() => action.mutate('retry')} disabled={action.isPending} className="rounded border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-50" data-testid="pipeline-retry">
              {data.status === 'cancelled' ? 'Resume' : 'Retry failed'}
            </button>
          )}
        </div>
      </div>
      <ol className="mt-2 grid gap-2" style={{ gridTemplateColumns: `repeat(${data.stages.length}, minmax(0, 1fr))` }}>
        {data.stages.map((s, n) => (
          <li key={s.runId} data-testid={`pipeline-stage-${s.stage}`}>
            <div className="flex items-baseline justify-between text-xs">
              <span className="font-medium text-slate-800">
                {n > 0 && <span className="text-slate-400">→ </span>}
                {s.stage} <span className="font-normal text-slate-400">#{s.runId}</span>
              </span>
              <span className="tabular-nums text-slate-600" data-testid={`pipeline-stage-${s.stage}-finished`}>
                {fmtInt(s.counts.done + s.counts.failed + s.counts.skipped + s.counts.cancelled)}/{fmtInt(s.total)}
              </span>
            </div>
            <StageBar s={s} />
            <p className="mt-0.5 text-[11px] tabular-nums text-slate-500">
              {fmtInt(s.counts.done)} done{s.counts.failed > 0 && <span className="text-rose-700"> · {fmtInt(s.counts.failed)} failed</span>}
              {s.counts.skipped > 0 && ` · ${fmtInt(s.counts.skipped)} skipped`}
              {s.counts.running > 0 && ` · ${fmtInt(s.counts.running)} running`}
              {s.counts.pending > 0 && ` · ${fmtInt(s.counts.pending)} waiting`}
            </p>
          </li>
        ))}
      </ol>
      <p className="mt-1 text-[11px] text-slate-500" data-testid="pipeline-spend">
        Spend (ledger, every attempt): {fmtTokens(tokensIn)} tokens in / {fmtTokens(tokensOut)} out · {data.stages.some((s) => !s.priceSet) ? (spend > 0 ? `${fmtCost(spend)} + no price set for some calls` : 'no price set') : fmtCost(spend)}
      </p>
      {action.error && <p className="text-xs text-rose-700">{action.error.message}</p>}
    </div>
  );
}
