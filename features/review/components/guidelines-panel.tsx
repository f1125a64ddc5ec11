'use client';

import Link from 'next/link';
import { MarkdownView } from '@/components/guidelines/markdown-view';
import { useGuidelines } from '@/components/guidelines/guidelines-query';
import { TimeAgo } from '@/components/ui/time-ago';
import { Kbd } from '@/components/ui/kbd';

/**
 * The dataset's review guidelines beside the item (G toggles it). It does not take the keyboard:
 * decisions keep working while it is open.
 */
export function GuidelinesPanel({ datasetId, onClose }: { datasetId: number; onClose: () => void }) {
  const q = useGuidelines(datasetId);
  const g = q.data;
  return (
    <aside className="fixed top-12 right-0 bottom-0 z-30 flex w-[min(420px,90vw)] flex-col border-l border-slate-200 bg-white shadow-xl" data-testid="guidelines-panel" aria-label="Guidelines">
      <header className="flex items-center gap-2 border-b border-slate-100 px-4 py-2.5">
        <h2 className="text-sm font-semibold">Guidelines</h2>
        {g && <span className="min-w-0 truncate text-xs text-slate-400" title={g.datasetName}>{g.datasetName}</span>}
        <button type="button" onClick={onClose} className="ml-auto inline-flex shrink-0 items-center gap-1 rounded px-1.5 text-xs text-slate-500 hover:bg-slate-100 hover:text-slate-800" aria-label="Close guidelines">
          Close <Kbd>G</Kbd>
        </button>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto px-4 py-3">
        {q.isPending && <p className="text-sm text-slate-400">Loading…</p>}
        {q.error && <p className="text-sm text-rose-700">Could not load the guidelines: {q.error.message}</p>}
        {g && g.markdown.trim() === '' && <p className="text-sm text-slate-500">This dataset has no guidelines yet. An admin can write them under Datasets.</p>}
        {g && g.markdown.trim() !== '' && <MarkdownView source={g.markdown} />}
      </div>
      {g && (
        <footer className="flex items-center gap-2 border-t border-slate-100 px-4 py-2 text-[11px] text-slate-400">
          {g.updatedAt ? (
            <span>
              Updated <TimeAgo at={g.updatedAt} />
              {g.updatedBy ? ` by ${g.updatedBy}` : ''}
            </span>
          ) : null}
          <Link href={`/datasets/${datasetId}/guidelines`} className="ml-auto text-indigo-700 hover:underline">
            Open in full
          </Link>
        </footer>
      )}
    </aside>
  );
}
