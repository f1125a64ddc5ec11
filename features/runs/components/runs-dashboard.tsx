'use client';

import { useState } from 'react';
import type { RunView } from '@/lib/runs/run-view';
import { NewRunForm, type RunPrefill } from './new-run-form';
import { useRuns } from '@/features/runs/api/runs-list';
import { useStageConfig } from '@/features/runs/api/stage-config';
import { RunsTable } from './runs-table';
import { StageConfigPanel } from './stage-config-panel';
import { WorkersPanel } from './workers-panel';

type Props = { datasets: { id: number; name: string; items: number }[]; prefill: RunPrefill | null };

/** The jobs page: start runs, watch them live, cancel or retry them, see the workers. */
export function RunsDashboard({ datasets, prefill }: Props) {
  const runs = useRuns();
  const config = useStageConfig();
  const [form, setForm] = useState<{ key: number; prefill: RunPrefill } | null>(prefill ? { key: 0, prefill } : null);

  const rerun = (r: RunView) => {
    const filter = Object.entries(r.filter)
      .filter(([k]) => k !== 'dataset')
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
    setForm({ key: Date.now(), prefill: { stage: r.stage, dataset: r.datasetId, filter } });
    window.scrollTo({ top: 0, behavior: 'smooth' });
  };

  const active = (runs.data ?? []).filter((r) => r.status === 'queued' || r.status === 'running').length;
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <div>
          <h1 className="text-lg font-semibold">Runs</h1>
          <p className="text-xs text-slate-500">
            {active > 0 ? `${active} active · updating live` : 'Each run is one stage over a selection of items. Updates live.'}
          </p>
        </div>
        {!form && (
          <button type="button" onClick={() => setForm({ key: Date.now(), prefill: {} })} className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-indigo-700" data-testid="new-run">
            New run
          </button>
        )}
      </div>
      {form && <NewRunForm key={form.key} datasets={datasets} config={config.data} prefill={form.prefill} onCreated={() => setForm(null)} onClose={() => setForm(null)} />}
      {runs.error && <p className="text-sm text-rose-700">{runs.error.message}</p>}
      {runs.data ? <RunsTable runs={runs.data} onRerun={rerun} /> : !runs.error && <p className="text-sm text-slate-500">Loading runs…</p>}
      <div className="grid grid-cols-2 gap-4">
        <WorkersPanel />
        <StageConfigPanel config={config.data} />
      </div>
    </div>
  );
}
