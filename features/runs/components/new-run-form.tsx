'use client';

import { useState } from 'react';
import type { RunView } from '@/lib/runs/run-view';
import { useCreateRun } from '@/features/runs/api/create-run';
import { usePlanRun } from '@/features/runs/api/plan-run';
import { RunPlanPanel } from './run-plan-panel';
import { MissingStagesOffer } from './pipeline-run';
import type { StageConfig } from '@/features/runs/api/stage-config';
import { plural } from '@/lib/format/plural';
import { BATCH_STAGES } from '@/lib/runs/batch-stages';

export type RunPrefill = { stage?: string; dataset?: number; filter?: string; model?: string; promptVersion?: string };

type Props = {
  datasets: { id: number; name: string; items: number }[];
  config: StageConfig | undefined;
  prefill: RunPrefill;
  onCreated: (run: RunView) => void;
  onClose: () => void;
};

const label = 'block text-[11px] font-medium uppercase tracking-wide text-slate-500';
const input = 'mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500';

/** Starts a run: a stage over a dataset and an items-table filter, optionally with another model or prompt. */
export function NewRunForm({ datasets, config, prefill, onCreated, onClose }: Props) {
  const stages = config?.stages ?? [];
  const [stage, setStage] = useState(prefill.stage ?? 'draft');
  const current = stages.find((s) => s.stage === stage);
  const [dataset, setDataset] = useState<number | undefined>(prefill.dataset ?? datasets[0]?.id);
  const [filter, setFilter] = useState<string | null>(prefill.filter ?? null);
  const [model, setModel] = useState(prefill.model ?? '');
  const [temperature, setTemperature] = useState('');
  const [promptVersion, setPromptVersion] = useState(prefill.promptVersion ?? '');
  const [force, setForce] = useState(false);
  const [batch, setBatch] = useState(false);
  const create = useCreateRun();
  const plan = usePlanRun();

  // Until the user types a filter, the stage's usual selection is proposed.
  const shownFilter = filter ?? current?.suggestedFilter ?? '';
  const usesModel = stage !== 'check' && stage !== 'consistency';
  const batchable = (BATCH_STAGES as readonly string[]).includes(stage);

  const t = temperature.trim() === '' ? undefined : Number(temperature);
  const runInput =
    dataset === undefined
      ? null
      : {
          stage: stage as 'draft',
          dataset,
          filter: shownFilter,
          force,
          ...(batch && batchable ? { mode: 'batch' as const } : {}),
          ...(promptVersion ? { promptVersion } : {}),
          ...(model.trim() || t !== undefined ? { overrides: { ...(model.trim() ? { model: model.trim() } : {}), ...(t !== undefined ? { temperature: t } : {}) } } : {}),
        };
  // The pre-flight shown is for exactly these inputs; any change asks for a new one.
  const inputKey = JSON.stringify(runInput);
  const [plannedKey, setPlannedKey] = useState<string | null>(null);
  const planned = plan.data && plannedKey === inputKey ? plan.data : null;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!runInput) return;
    // First the plan (nothing is spent), then the run.
    if (!planned) {
      plan.mutate(runInput, { onSuccess: () => setPlannedKey(inputKey) });
      return;
    }
    create.mutate(runInput, { onSuccess: (run) => onCreated(run) });
  };

  return (
    <form onSubmit={submit} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="new-run-form">
      <div className="mb-3 flex items-center justify-between">
        <h2 className="text-sm font-semibold text-slate-900">New run</h2>
        <button type="button" onClick={onClose} className="text-xs text-slate-500 hover:text-slate-800">
          Close
        </button>
      </div>
      <div className="mb-3">
        <span className={label}>Stage</span>
        <div className="mt-1 inline-flex rounded border border-slate-300 bg-slate-50 p-0.5" role="radiogroup" aria-label="Stage">
          {stages.map((s) => (
            <button
              key={s.stage}
              type="button"
              role="radio"
              aria-checked={stage === s.stage}
              data-testid={`stage-option-${s.stage}`}
              onClick={() => {
                setStage(s.stage);
                setFilter(null);
                setPromptVersion('');
              }}
              className={`rounded px-3 py-1 text-sm ${stage === s.stage ? 'bg-white font-medium text-slate-900 shadow-sm ring-1 ring-slate-200' : 'text-slate-600 hover:text-slate-900'}`}
            >
              {s.stage}
              {!s.configured && <span className="ml-1 text-[10px] text-amber-600">not configured</span>}
            </button>
          ))}
        </div>
        {current && <p className="mt-1 text-xs text-slate-500">{current.hint}</p>}
      </div>
      <div className="grid grid-cols-12 gap-3">
        <label className="col-span-3">
          <span className={label}>Dataset</span>
          <select className={input} value={dataset ?? ''} onChange={(e) => setDataset(Number(e.target.value))} data-testid="run-dataset">
            {datasets.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({plural(d.items, 'item')})
              </option>
            ))}
          </select>
        </label>
        <label className="col-span-5">
          <span className={label}>Selection — items table filter</span>
          <input className={`${input} font-mono text-xs`} value={shownFilter} onChange={(e) => setFilter(e.target.value)} placeholder="all items, or e.g. hasDraft=false&type=numerical" data-testid="run-filter" />
        </label>
        <label className="col-span-2">
          <span className={label}>Model</span>
          <input className={input} value={model} onChange={(e) => setModel(e.target.value)} placeholder={current?.model?.model ?? (stage === 'check' ? 'no model' : '')} disabled={!usesModel} />
        </label>
        <label className="col-span-1">
          <span className={label}>Temp.</span>
          <input className={input} value={temperature} onChange={(e) => setTemperature(e.target.value)} placeholder={current?.model?.temperature?.toString() ?? '—'} inputMode="decimal" disabled={!usesModel} />
        </label>
        <label className="col-span-1">
          <span className={label}>Prompt</span>
          <select className={input} value={promptVersion} onChange={(e) => setPromptVersion(e.target.value)} disabled={!current?.promptVersions.length}>
            <option value="">{current?.defaultPromptVersion ?? '—'}</option>
            {current?.promptVersions.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="mt-3 flex items-center justify-between">
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} className="rounded border-slate-300" />
          Redo items already done with this model and prompt version
        </label>
        <label className={`flex items-center gap-2 text-sm ${batchable ? 'text-slate-700' : 'text-slate-400'}`} title={batchable ? undefined : `The ${stage} stage cannot run through the Batch API`}>
          <input type="checkbox" checked={batch && batchable} disabled={!batchable} onChange={(e) => setBatch(e.target.checked)} className="rounded border-slate-300" data-testid="run-batch-mode" />
          Through the Batch API (half price, results within 24 h)
        </label>
        <div className="flex items-center gap-3">
          {(create.error ?? plan.error) && (
            <p className="max-w-xl text-sm text-rose-700" role="alert">
              {(create.error ?? plan.error)!.message}
            </p>
          )}
          <button
            type="submit"
            disabled={create.isPending || plan.isPending || dataset === undefined}
            className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-indigo-700 disabled:opacity-50"
            data-testid={planned ? 'start-run' : 'plan-run'}
          >
            {create.isPending ? 'Starting…' : plan.isPending ? 'Planning…' : planned ? 'Start run' : 'Plan run'}
          </button>
        </div>
      </div>
      {planned && <RunPlanPanel plan={planned} />}
      {planned && runInput && runInput.mode !== 'batch' && <MissingStagesOffer key={inputKey} input={{ ...runInput, mode: 'live' }} plan={planned} />}
    </form>
  );
}
