'use client';

import Link from 'next/link';
import { useRun } from '@/features/runs/api/run-detail';
import { fmtFilter, fmtInt } from './format';
import { RunSpendTable } from './run-spend-table';
import { RunBatchesPanel } from './run-batches-panel';
import { PipelineProgress } from './pipeline-run';

/** A run's exact counts, its failures grouped by message with samples, and its model config. */
export function RunDetailPanel({ runId }: { runId: number }) {
  const { data, error, isPending } = useRun(runId);
  if (isPending) return <p className="px-4 py-3 text-sm text-slate-500">Loading…</p>;
  if (error) return <p className="px-4 py-3 text-sm text-rose-700">{error.message}</p>;
  const { run, counts, failures, skips, modelConfig, spend } = data;
  const cfg = (modelConfig ?? {}) as Record<string, unknown>;
  const visual = run.stage === 'represent' || run.stage === 'revise';
  const shown = ['baseUrl', 'model', 'apiKeyEnv', 'temperature', 'topP', 'maxTokens', 'timeoutMs', 'maxRetries', 'maxConcurrency', 'rpm', ...(visual ? ['videoInput'] : [])].filter((k) => cfg[k] !== undefined && cfg[k] !== null);
  return (
    <div className="grid grid-cols-12 gap-4 bg-slate-50/60 px-4 py-3 text-sm" data-testid={`run-detail-${runId}`}>
      <div className="col-span-8 space-y-3">
        <div className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
          {Object.entries(counts).map(([k, v]) => (
            <span key={k}>
              <span className="font-medium tabular-nums text-slate-900">{fmtInt(v)}</span> {k}
            </span>
          ))}
          <span className="text-slate-400">·</span>
          <span>selection: <code className="text-slate-800">{fmtFilter(run.filter)}</code></span>
          {run.force && <span className="text-amber-700">forced</span>}
        </div>
        {run.mode === 'batch' && <RunBatchesPanel runId={runId} active={run.status === 'queued' || run.status === 'running'} />}
        {run.note && <p className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900">{run.note}</p>}
        <PipelineProgress runId={runId} />
        {failures.length === 0 ? (
          <p className="text-xs text-slate-500">No failures.</p>
        ) : (
          <div>
            <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Failures by cause</h3>
            <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white" data-testid="failure-groups">
              {failures.map((f) => (
                <li key={f.message} className="px-3 py-2">
                  <div className="flex items-start justify-between gap-3">
                    <span className="font-medium text-rose-800">{f.message}</span>
                    <span className="shrink-0 rounded bg-rose-50 px-1.5 text-xs font-semibold tabular-nums text-rose-700">{fmtInt(f.count)}</span>
                  </div>
                  <ul className="mt-1 space-y-1">
                    {f.samples.map((s) => (
                      <li key={s.resultId} className="text-xs text-slate-600">
                        {s.itemId ? (
                          <Link href={`/items/${s.itemId}`} className="text-indigo-700 hover:underline">
                            {s.label}
                          </Link>
                        ) : (
                          <span className="font-mono">{s.label}</span>
                        )}
                        <span className="text-slate-400"> · attempt {s.attempts}</span>
                        {s.raw && <pre className="mt-0.5 max-h-24 overflow-auto whitespace-pre-wrap break-words rounded bg-slate-100 px-2 py-1 font-mono text-[11px] text-slate-700">{s.raw}</pre>}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </div>
        )}
        {skips.length > 0 && (
          <div className="text-xs text-slate-600">
            <span className="font-semibold uppercase tracking-wide text-slate-500">Skipped: </span>
            {skips.map((s) => `${fmtInt(s.count)} — ${s.reason}`).join('; ')}
          </div>
        )}
      </div>
      <div className="col-span-4 space-y-3">
        {run.stage !== 'check' && (
          <div>
            <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Spend (every attempt)</h3>
            <RunSpendTable spend={spend} />
          </div>
        )}
        <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Model</h3>
        {shown.length === 0 ? (
          <p className="text-xs text-slate-500">{run.stage === 'check' ? 'No model: answer checks and verdicts only.' : '—'}</p>
        ) : (
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
            {shown.map((k) => (
              <div key={k} className="contents">
                <dt className="text-slate-500">{k}</dt>
                <dd className="truncate font-mono text-slate-800" title={String(cfg[k])}>
                  {String(cfg[k])}
                </dd>
              </div>
            ))}
            {run.promptVersion && (
              <>
                <dt className="text-slate-500">prompt</dt>
                <dd className="font-mono text-slate-800">{run.promptVersion}</dd>
              </>
            )}
          </dl>
        )}
      </div>
    </div>
  );
}
