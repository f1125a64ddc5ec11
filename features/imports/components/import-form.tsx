'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useState, type FormEvent } from 'react';
import { ProgressBar } from '@/components/ui/progress-bar';
import { useStartImport } from '@/features/imports/api/start-import';
import { ImportStatus } from './import-status';

type DatasetOption = { id: number; name: string; mediaRoot: string };

const input = 'w-full rounded border border-slate-300 px-2 py-1.5 text-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500';
const labelCls = 'block text-xs font-medium text-slate-600 mb-1';

export function ImportForm({ datasets }: { datasets: DatasetOption[] }) {
  const [dataset, setDataset] = useState('');
  const [mediaRoot, setMediaRoot] = useState('');
  const [description, setDescription] = useState('');
  const [remotePrefixes, setRemotePrefixes] = useState('');
  const [sourceKind, setSourceKind] = useState<'upload' | 'path'>('upload');
  const [file, setFile] = useState<File | null>(null);
  const [serverPath, setServerPath] = useState('');
  const [skipBad, setSkipBad] = useState(false);
  const [uploaded, setUploaded] = useState<number | null>(null);
  // The import shown lives in the URL (?import=ID), so a reload or a link from "Recent imports" reopens its report.
  const params = useSearchParams();
  const fromUrl = Number(params.get('import'));
  const importId = Number.isInteger(fromUrl) && fromUrl > 0 ? fromUrl : null;
  const start = useStartImport((f) => setUploaded(f));
  const router = useRouter();
  const setImportId = useCallback((id: number | null) => router.replace(id === null ? '/datasets/import' : `/datasets/import?import=${id}`, { scroll: false }), [router]);
  // A finished import may have created a dataset: refresh the server-rendered list.
  const refresh = useCallback(() => router.refresh(), [router]);

  const existing = datasets.find((d) => d.name === dataset.trim());
  const ready = dataset.trim() !== '' && (existing || mediaRoot.trim() !== '') && (sourceKind === 'upload' ? file !== null : serverPath.trim() !== '');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!ready) return;
    setImportId(null);
    setUploaded(sourceKind === 'upload' ? 0 : null);
    start.mutate(
      {
        dataset: dataset.trim(),
        mediaRoot: existing ? undefined : mediaRoot.trim(),
        description: existing ? undefined : description.trim(),
        ...(remotePrefixes.trim() ? { remoteMediaPrefixes: remotePrefixes.split(/\s+/).filter(Boolean) } : {}),
        mode: skipBad ? 'skip_bad' : 'all_or_nothing',
        source: sourceKind === 'upload' ? { kind: 'upload', file: file! } : { kind: 'path', path: serverPath.trim() },
      },
      { onSuccess: (row) => setImportId(row.id) },
    );
  };

  return (
    <div className="grid grid-cols-[minmax(0,520px)_minmax(0,1fr)] gap-4">
      <form onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-label="Import a dataset">
        <div>
          <label className={labelCls} htmlFor="import-dataset">
            Dataset
          </label>
          <input id="import-dataset" className={input} list="import-datasets" value={dataset} onChange={(e) => setDataset(e.target.value)} placeholder="a new name, or an existing dataset" />
          <datalist id="import-datasets">
            {datasets.map((d) => (
              <option key={d.id} value={d.name} />
            ))}
          </datalist>
          <p className="mt-1 text-xs text-slate-500">
            {existing ? `Existing dataset: records are upserted by problem_id (re-importing the same file changes nothing).` : 'A new dataset is created with the import.'}
          </p>
        </div>
        <div>
          <label className={labelCls} htmlFor="import-media-root">
            Media root
          </label>
          <input
            id="import-media-root"
            className={`${input} font-mono disabled:bg-slate-50 disabled:text-slate-500`}
            value={existing ? existing.mediaRoot : mediaRoot}
            disabled={Boolean(existing)}
            onChange={(e) => setMediaRoot(e.target.value)}
            placeholder="/data/videos — the folder record paths such as ./STAR/x.mp4 are relative to"
          />
        </div>
        {!existing && (
          <div>
            <label className={labelCls} htmlFor="import-description">
              Description <span className="font-normal text-slate-400">(optional)</span>
            </label>
            <input id="import-description" className={input} value={description} onChange={(e) => setDescription(e.target.value)} />
          </div>
        )}
        <div>
          <label className={labelCls} htmlFor="import-remote-prefixes">
            Remote media URL prefixes <span className="font-normal text-slate-400">(optional, one per line)</span>
          </label>
          <textarea
            id="import-remote-prefixes"
            className={`${input} font-mono`}
            rows={2}
            value={remotePrefixes}
            onChange={(e) => setRemotePrefixes(e.target.value)}
            placeholder="https://media.example.com/videos/"
          />
          <p className="mt-1 text-xs text-slate-500">
            Records whose path is an http(s) URL are fetched (probed, sampled) only from these prefixes; with none, remote media is never fetched. Internal addresses only when listed literally
            (e.g. http://127.0.0.1:9000/). Given for an existing dataset, the list replaces its current one.
          </p>
        </div>
        <fieldset>
          <legend className={labelCls}>Records file (.json array or .jsonl)</legend>
          <div className="mb-2 flex gap-4 text-sm">
            <label className="flex items-center gap-1.5">
              <input type="radio" name="source" checked={sourceKind === 'upload'} onChange={() => setSourceKind('upload')} /> Upload a file
            </label>
            <label className="flex items-center gap-1.5">
              <input type="radio" name="source" checked={sourceKind === 'path'} onChange={() => setSourceKind('path')} /> A file on the server
            </label>
          </div>
          {sourceKind === 'upload' ? (
            <input
              aria-label="Records file"
              type="file"
              accept=".json,.jsonl,.ndjson"
              className="block w-full text-sm file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:text-slate-700 hover:file:bg-slate-200"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          ) : (
            <input aria-label="Server path" className={`${input} font-mono`} value={serverPath} onChange={(e) => setServerPath(e.target.value)} placeholder="/srv/datasets/Video-R1-260k.json" />
          )}
        </fieldset>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-0.5" checked={skipBad} onChange={(e) => setSkipBad(e.target.checked)} />
          <span>
            Skip bad records
            <span className="block text-xs text-slate-500">Import the good records and report the rest. Off: nothing is imported when any record is bad.</span>
          </span>
        </label>
        <div className="flex items-center gap-3">
          <button
            type="submit"
            disabled={!ready || start.isPending}
            className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:cursor-not-allowed disabled:bg-slate-300"
          >
            {start.isPending ? (uploaded !== null ? 'Uploading…' : 'Starting…') : 'Import'}
          </button>
          {start.error && <span className="text-sm text-rose-700">{start.error.message}</span>}
        </div>
      </form>

      <div className="rounded-lg border border-slate-200 bg-white p-4">
        {start.isPending && uploaded !== null && (
          <div className="space-y-1" data-testid="upload-progress">
            <div className="text-sm font-medium">Uploading {file?.name}</div>
            <ProgressBar value={uploaded} label="Upload progress" />
            <div className="text-xs tabular-nums text-slate-500">{Math.round(uploaded * 100)}%</div>
          </div>
        )}
        {importId !== null ? (
          <ImportStatus importId={importId} onFinished={refresh} onRetried={setImportId} />
        ) : (
          !start.isPending && (
            <div className="space-y-2 text-sm text-slate-600">
              <p className="font-medium text-slate-800">Video-R1 / VideoRFT records</p>
              <p>
                Each record needs <code>problem_id</code>, <code>problem</code>, <code>problem_type</code>, <code>data_type</code>, <code>path</code> and{' '}
                <code>solution</code>; <code>options</code>, <code>data_source</code> and <code>process</code> are read when present, and any other field is kept
                verbatim for export.
              </p>
              <p>A record with <code>process</code> gets an imported CoT. Media files are shared: one row per path, probed in the background.</p>
              <p className="text-xs text-slate-500">
                Command line: <code>npx cot-studio import FILE --dataset NAME --media-root DIR</code>
              </p>
            </div>
          )
        )}
      </div>
    </div>
  );
}
