'use client';

import { useState, type FormEvent } from 'react';
import { useCreateExport, type CreateExportInput } from '@/features/exports/api/create-export';

const PROBLEM_TYPES = ['multiple choice', 'numerical', 'OCR', 'free-form', 'regression'] as const;
const STATUSES = ['accepted', 'pending', 'rejected', 'skipped'] as const;
const FORMATS = [
  { value: 'sft', label: 'SFT', hint: 'VideoRFT-CoT: every field, process = the accepted CoT’s <think>' },
  { value: 'rl', label: 'RL', hint: 'VideoRFT-RL: every field but process' },
  { value: 'sharegpt', label: 'ShareGPT', hint: 'LLaMA-Factory multimodal conversations' },
  { value: 'prm', label: 'PRM (steps)', hint: 'Process reward: each step-reviewed CoT’s steps with +1 / 0 / −1 labels and evidence (any status)' },
] as const;

const labelCls = 'block text-xs font-medium text-slate-600 mb-1';
const select = 'w-full rounded border border-slate-300 px-2 py-1.5 text-sm focus:border-indigo-500 focus:outline-none';

function toggle<T>(list: T[], v: T): T[] {
  return list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
}

export function ExportForm({
  datasets,
  sourcesByDataset,
  initialDataset,
}: {
  datasets: Array<{ id: number; name: string }>;
  sourcesByDataset: Record<number, string[]>;
  initialDataset?: number;
}) {
  const [dataset, setDataset] = useState<number>(datasets.some((d) => d.id === initialDataset) ? initialDataset! : datasets[0]!.id);
  const [format, setFormat] = useState<CreateExportInput['format']>('sft');
  const [fileFormat, setFileFormat] = useState<CreateExportInput['fileFormat']>('jsonl');
  const [statuses, setStatuses] = useState<string[]>(['accepted']);
  const [types, setTypes] = useState<string[]>([]);
  const [sources, setSources] = useState<string[]>([]);
  const [fold, setFold] = useState<'keep' | 'fold' | 'unfold'>('keep');
  const [trainer, setTrainer] = useState<NonNullable<CreateExportInput['trainer']> | ''>('');
  const [includeMismatched, setIncludeMismatched] = useState(false);
  const create = useCreateExport();
  const datasetSources = sourcesByDataset[dataset] ?? [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({
      filter: { dataset, status: statuses, ...(types.length ? { type: types } : {}), ...(sources.length ? { source: sources } : {}) },
      format,
      fileFormat,
      ...(fold === 'keep' ? {} : { foldOptions: fold === 'fold' }),
      ...(trainer ? { trainer } : {}),
      includeMismatched,
    });
  };

  return (
    <form onSubmit={submit} className="grid grid-cols-[repeat(4,minmax(0,1fr))] gap-4 rounded-lg border border-slate-200 bg-white p-4" aria-label="New export">
      <div className="space-y-3">
        <div>
          <label className={labelCls} htmlFor="export-dataset">
            Dataset
          </label>
          <select
            id="export-dataset"
            className={select}
            value={dataset}
            onChange={(e) => {
              setDataset(Number(e.target.value));
              setSources([]);
            }}
          >
            {datasets.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label className={labelCls} htmlFor="export-file-format">
            File
          </label>
          <select id="export-file-format" className={select} value={fileFormat} onChange={(e) => setFileFormat(e.target.value as CreateExportInput['fileFormat'])}>
            <option value="jsonl">JSON Lines (.jsonl)</option>
            <option value="json">JSON array (.json)</option>
            <option value="parquet">Parquet (.parquet; sft and rl)</option>
          </select>
        </div>
        <div>
          <label className={labelCls} htmlFor="export-fold">
            Multiple-choice options
          </label>
          <select id="export-fold" className={select} value={fold} onChange={(e) => setFold(e.target.value as typeof fold)}>
            <option value="keep">as imported</option>
            <option value="fold">inside problem (VideoRFT)</option>
            <option value="unfold">separate, not in problem (Video-R1)</option>
          </select>
        </div>
        <div>
          <label className={labelCls} htmlFor="export-trainer">
            Trainer preset
          </label>
          <select
            id="export-trainer"
            className={select}
            value={trainer}
            onChange={(e) => {
              const t = e.target.value as typeof trainer;
              setTrainer(t);
              // LLaMA-Factory reads sharegpt only.
              if (t === 'llama-factory') setFormat('sharegpt');
              if (t) setFold('keep');
            }}
          >
            <option value="">none</option>
            <option value="videorft">VideoRFT (options in problem)</option>
            <option value="video-r1">Video-R1 (options separate)</option>
            <option value="llama-factory">LLaMA-Factory (sharegpt + trainer prompt)</option>
          </select>
        </div>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-1" checked={includeMismatched} onChange={(e) => setIncludeMismatched(e.target.checked)} data-testid="export-include-mismatched" />
          <span>
            Include accepted CoTs whose answer check fails
            <span className="block text-xs text-slate-500">left out by default; the manifest counts both</span>
          </span>
        </label>
      </div>

      <fieldset className="space-y-1">
        <legend className={labelCls}>Format</legend>
        {FORMATS.map((f) => (
          <label key={f.value} className="flex items-start gap-2 rounded px-1 py-1 text-sm hover:bg-slate-50">
            <input
              type="radio"
              name="format"
              className="mt-1"
              checked={format === f.value}
              onChange={() => {
                setFormat(f.value);
                // Wrong steps are the point of process-reward data: rejected items count too.
                if (f.value === 'prm') setStatuses([...STATUSES]);
              }}
            />
            <span>
              {f.label}
              <span className="block text-xs text-slate-500">{f.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <div className="space-y-3">
        <fieldset>
          <legend className={labelCls}>Review status</legend>
          <div className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
            {STATUSES.map((s) => (
              <label key={s} className="flex items-center gap-1.5">
                <input type="checkbox" checked={statuses.includes(s)} onChange={() => setStatuses(toggle(statuses, s))} /> {s}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className={labelCls}>Problem types <span className="font-normal text-slate-400">(none = all)</span></legend>
          <div className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
            {PROBLEM_TYPES.map((t) => (
              <label key={t} className="flex items-center gap-1.5">
                <input type="checkbox" checked={types.includes(t)} onChange={() => setTypes(toggle(types, t))} /> {t}
              </label>
            ))}
          </div>
        </fieldset>
      </div>

      <div className="flex flex-col justify-between gap-3">
        <fieldset>
          <legend className={labelCls}>Data sources <span className="font-normal text-slate-400">(none = all)</span></legend>
          <div className="flex max-h-28 flex-wrap gap-x-3 gap-y-1 overflow-auto text-sm">
            {datasetSources.length === 0 && <span className="text-xs text-slate-400">no items yet</span>}
            {datasetSources.map((s) => (
              <label key={s} className="flex items-center gap-1.5">
                <input type="checkbox" checked={sources.includes(s)} onChange={() => setSources(toggle(sources, s))} /> {s}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex items-center justify-end gap-3">
          {create.error && <span className="text-sm text-rose-700">{create.error.message}</span>}
          <button
            type="submit"
            disabled={statuses.length === 0 || create.isPending}
            className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:cursor-not-allowed disabled:bg-slate-300"
          >
            Export
          </button>
        </div>
      </div>
    </form>
  );
}
