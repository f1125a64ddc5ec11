'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useScans } from '../api/scans';
import { useStartScan } from '../api/start-scan';
import { useMarkEvaluationSet } from '../api/mark-evaluation-set';

/** Per dataset: mark it an evaluation set; start a near-duplicate/contamination scan and follow it. */
export function DatasetPoolActions({ datasetId, isEvaluationSet }: { datasetId: number; isEvaluationSet: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const scans = useScans(datasetId);
  const mark = useMarkEvaluationSet(datasetId, { onSuccess: () => router.refresh(), onError: (e) => setError(e.message) });
  const scan = useStartScan(datasetId, { onError: (e) => setError(e.message) });
  const last = scans.data?.scans[0];
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs">
      <label className="flex items-center gap-1 text-slate-600">
        <input type="checkbox" data-testid={`eval-set-${datasetId}`} checked={isEvaluationSet} disabled={mark.isPending} onChange={(e) => mark.mutate(e.target.checked)} />
        evaluation set
      </label>
      <button type="button" data-testid={`scan-${datasetId}`} className="rounded border border-slate-300 bg-white px-2 py-0.5 hover:bg-slate-50 disabled:opacity-50" disabled={scan.isPending || (last && ['queued', 'running'].includes(last.status))} onClick={() => scan.mutate()}>
        Scan duplicates{isEvaluationSet ? '' : ' & overlap'}
      </button>
      {last && (
        <span className="text-slate-500" data-testid={`scan-status-${datasetId}`}>
          {last.status === 'completed' && last.result
            ? `${last.result.duplicateItems} in ${last.result.duplicateClusters} clusters${last.result.contaminated !== null ? ` · ${last.result.contaminated} overlap eval` : ''}`
            : last.status === 'failed'
              ? `scan failed: ${last.error}`
              : `${last.status}${last.phase ? `: ${last.phase}` : ''} ${last.total ? `${last.done}/${last.total}` : ''}`}
        </span>
      )}
      {error && <span className="text-rose-700">{error}</span>}
    </div>
  );
}
