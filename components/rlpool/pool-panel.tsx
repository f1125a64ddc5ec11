'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/components/api/api-fetch';

type Duplicates = {
  itemId: number;
  cluster: number | null;
  kept: boolean;
  duplicates: { id: number; problemId: string; problem: string; path: string; reviewStatus: string; kept: boolean }[];
  contaminated: boolean;
  contamination: { kind: 'video' | 'question'; evalDataset: string; evalProblemId?: string; similarity?: number; overlap?: number }[] | null;
};

/** On the item page: the item's near-duplicates and its evaluation-set overlap (nothing when it has neither). */
export function PoolPanel({ itemId }: { itemId: number }) {
  const q = useQuery({ queryKey: ['item-duplicates', itemId], queryFn: () => apiFetch<Duplicates>(`/api/items/${itemId}/duplicates`), staleTime: 30_000 });
  const d = q.data;
  if (!d || (d.cluster === null && !d.contaminated)) return null;
  return (
    <div className="space-y-2 rounded-lg border border-amber-200 bg-amber-50/60 px-3 py-2 text-xs" data-testid="pool-panel">
      {d.contaminated && (
        <div data-testid="contamination">
          <span className="font-semibold text-rose-800">Overlaps an evaluation set</span>
          <ul className="mt-0.5 list-disc pl-4 text-rose-900">
            {(d.contamination ?? []).map((c, i) => (
              <li key={i}>
                {c.kind === 'video' ? `same video as an item of ${c.evalDataset} (${Math.round((c.overlap ?? 0) * 100)}% of frames match)` : `same question as ${c.evalDataset} #${c.evalProblemId} (similarity ${(c.similarity ?? 0).toFixed(2)})`}
              </li>
            ))}
          </ul>
        </div>
      )}
      {d.cluster !== null && (
        <div data-testid="duplicates">
          <span className="font-semibold text-amber-900">
            Near-duplicates ({d.duplicates.length}) · {d.kept ? 'this item is the one kept' : 'another item is kept for this cluster'}
          </span>
          <ul className="mt-0.5 space-y-0.5">
            {d.duplicates.map((m) => (
              <li key={m.id} className="truncate">
                <Link className="font-mono text-indigo-700 hover:underline" href={`/items/${m.id}`}>
                  {m.problemId}
                </Link>{' '}
                <span className="text-slate-500">{m.reviewStatus}{m.kept ? ' · kept' : ''}</span> — <span title={m.problem}>{m.problem}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
