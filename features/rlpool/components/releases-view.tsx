'use client';

import { useState, type FormEvent } from 'react';
import { useReleases } from '../api/releases';
import { useCreateRelease } from '../api/create-release';
import { useReleaseDiff } from '../api/release-diff';

const REASONS = [
  ['added', 'Items added'],
  ['removed', 'Items removed'],
  ['changedCot', 'Accepted CoT changed'],
  ['changedDecision', 'Decision changed'],
] as const;

const control = 'h-8 rounded border border-slate-300 bg-white px-2 text-sm';

export function ReleasesView({ datasets }: { datasets: { id: number; name: string }[] }) {
  const list = useReleases();
  const [dataset, setDataset] = useState(datasets[0]?.id);
  const [name, setName] = useState('');
  const [format, setFormat] = useState<'sft' | 'rl'>('sft');
  const [fileFormat, setFileFormat] = useState<'jsonl' | 'parquet'>('parquet');
  const [lineage, setLineage] = useState(true);
  const [passRate, setPassRate] = useState(false);
  const create = useCreateRelease({ onSuccess: () => setName('') });
  const [from, setFrom] = useState<number | ''>('');
  const [to, setTo] = useState<number | ''>('');
  const diff = useReleaseDiff(from, to);
  const releases = list.data?.releases ?? [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (dataset !== undefined && name.trim()) create.mutate({ name: name.trim(), format, fileFormat, lineage, passRate, filter: { dataset } });
  };

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="release-form">
        <label className="text-xs text-slate-600">
          Dataset
          <select className={`${control} block`} value={dataset} onChange={(e) => setDataset(Number(e.target.value))}>
            {datasets.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs text-slate-600">
          Name
          <input className={`${control} block w-56`} data-testid="release-name" placeholder="e.g. videorft-sft-2026-12" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="text-xs text-slate-600">
          Format
          <select className={`${control} block`} value={format} onChange={(e) => setFormat(e.target.value as 'sft' | 'rl')}>
            <option value="sft">sft</option>
            <option value="rl">rl</option>
          </select>
        </label>
        <label className="text-xs text-slate-600">
          File
          <select className={`${control} block`} value={fileFormat} onChange={(e) => setFileFormat(e.target.value as 'jsonl' | 'parquet')}>
            <option value="parquet">Parquet</option>
            <option value="jsonl">JSON Lines</option>
          </select>
        </label>
        <label className="flex items-center gap-1 text-xs text-slate-600">
          <input type="checkbox" checked={lineage} onChange={(e) => setLineage(e.target.checked)} /> lineage fields
        </label>
        <label className="flex items-center gap-1 text-xs text-slate-600">
          <input type="checkbox" checked={passRate} onChange={(e) => setPassRate(e.target.checked)} /> pass_rate
        </label>
        <button type="submit" data-testid="release-create" disabled={create.isPending || !name.trim()} className="h-8 rounded bg-indigo-600 px-3 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50">
          {create.isPending ? 'Saving…' : 'Save release'}
        </button>
        {create.error && <p className="w-full text-xs text-rose-700">{(create.error as Error).message}</p>}
        <p className="w-full text-xs text-slate-500">Accepted items; items overlapping an evaluation set are left out (counted in the manifest).</p>
      </form>

      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm" data-testid="releases-table">
          <thead className="bg-slate-50 text-left text-xs tracking-wide text-slate-500 uppercase">
            <tr>
              <th className="px-3 py-2">Name</th>
              <th className="px-3 py-2">Dataset</th>
              <th className="px-3 py-2 text-right">Records</th>
              <th className="px-3 py-2">Files</th>
              <th className="px-3 py-2">Created</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {releases.map((r) => (
              <tr key={r.id} data-testid="release-row">
                <td className="px-3 py-2 font-medium">{r.name}</td>
                <td className="px-3 py-2 text-slate-600">{r.datasetName}</td>
                <td className="px-3 py-2 text-right tabular-nums">{r.itemCount}</td>
                <td className="space-x-2 px-3 py-2 text-xs">
                  {r.files.map((f) => (
                    <a key={f} className="text-indigo-700 hover:underline" href={`/api/releases/${r.id}/files/${encodeURIComponent(f)}`}>
                      {f}
                    </a>
                  ))}
                </td>
                <td className="px-3 py-2 text-xs text-slate-500">{new Date(r.createdAt).toLocaleString('en-GB')}</td>
              </tr>
            ))}
            {releases.length === 0 && (
              <tr>
                <td colSpan={5} className="px-3 py-6 text-center text-sm text-slate-400">
                  No releases yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>

      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="release-diff">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="font-semibold">Compare</span>
          <select aria-label="From release" className={control} value={from} onChange={(e) => setFrom(e.target.value ? Number(e.target.value) : '')}>
            <option value="">older release…</option>
            {releases.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
          <span>→</span>
          <select aria-label="To release" className={control} value={to} onChange={(e) => setTo(e.target.value ? Number(e.target.value) : '')}>
            <option value="">newer release…</option>
            {releases.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        {diff.error && <p className="text-xs text-rose-700">{(diff.error as Error).message}</p>}
        {diff.data && (
          <div className="grid grid-cols-1 gap-3 md:grid-cols-4">
            {REASONS.map(([key, label]) => (
              <div key={key} className="rounded border border-slate-200 p-2" data-testid={`diff-${key}`}>
                <div className="text-xs text-slate-500">{label}</div>
                <div className="text-xl font-semibold tabular-nums" data-testid={`diff-count-${key}`}>
                  {diff.data.counts[key]}
                </div>
                <div className="mt-1 flex flex-wrap gap-1 text-xs">
                  {diff.data.examples[key].slice(0, 12).map((x) => (
                    <a key={x.itemId} className="font-mono text-indigo-700 hover:underline" href={`/items/${x.itemId}`}>
                      {x.problemId ?? `#${x.itemId}`}
                    </a>
                  ))}
                </div>
              </div>
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
