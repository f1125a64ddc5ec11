'use client';

import { useEffect, useMemo, useState } from 'react';
import type { ProblemType } from '@/lib/answers/problem-types';
import type { ItemHistory, ReviewVersion } from '@/lib/review/review-item';
import { diffStats, diffWords } from '@/lib/review/word-diff';
import { AnswerCheck } from '@/components/cot/answer-check';
import { CotText } from '@/components/cot/cot-text';
import { useItemHistory } from '@/features/review/api/item-history';
import { TimeAgo } from '@/components/ui/time-ago';
import { plural } from '@/lib/format/plural';

const KIND_LABEL = { draft: 'Draft', revision: 'Revision', edit: 'Edit', imported: 'Imported' } as const;

function versionLabel(v: ReviewVersion): string {
  return `${KIND_LABEL[v.kind]} #${v.id}`;
}

type Entry = { at: string; key: string; node: React.ReactNode };

/** Every version and decision with who and when, and a word diff between any two versions. */
export function HistoryDrawer({ itemId, problemType, onClose }: { itemId: number; problemType: ProblemType; onClose: () => void }) {
  const q = useItemHistory(itemId, true);
  const h = q.data;
  const [pickedA, setA] = useState<number | null>(null);
  const [pickedB, setB] = useState<number | null>(null);
  // Until the reviewer picks: the newest version against the one it was made from (or the one before it).
  const last = h?.versions[h.versions.length - 1];
  const parent = last && h ? (h.versions.find((v) => v.id === last.parentVersionId) ?? h.versions[h.versions.length - 2] ?? last) : undefined;
  const a = pickedA ?? parent?.id ?? null;
  const b = pickedB ?? last?.id ?? null;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const va = h?.versions.find((v) => v.id === a) ?? null;
  const vb = h?.versions.find((v) => v.id === b) ?? null;
  const ops = useMemo(() => (va && vb ? diffWords(va.text, vb.text) : null), [va, vb]);

  return (
    <aside className="fixed inset-y-0 right-0 z-40 flex w-[min(640px,92vw)] flex-col border-l border-slate-200 bg-white shadow-2xl" data-testid="history-drawer" aria-label="History">
      <header className="flex items-center border-b border-slate-100 px-4 py-2.5">
        <h2 className="text-sm font-semibold">History</h2>
        <span className="ml-2 text-xs text-slate-400">{h ? `${plural(h.versions.length, 'version')} · ${plural(h.decisions.length, 'decision')}` : ''}</span>
        <button type="button" onClick={onClose} className="ml-auto rounded px-1.5 text-slate-400 hover:bg-slate-100 hover:text-slate-700" aria-label="Close history">
          ✕
        </button>
      </header>
      {q.isPending && <p className="p-4 text-sm text-slate-400">Loading…</p>}
      {q.isError && <p className="p-4 text-sm text-rose-700">Could not load the history: {q.error.message}</p>}
      {h && (
        <div className="flex min-h-0 flex-1 flex-col">
          <ol className="max-h-[40%] shrink-0 divide-y divide-slate-100 overflow-y-auto border-b border-slate-100 text-[13px]" data-testid="history-list">
            {timeline(h, problemType, { a, b, setA, setB }).map((e) => (
              <li key={e.key} className="px-4 py-1.5">
                {e.node}
              </li>
            ))}
          </ol>
          <div className="flex items-center gap-2 border-b border-slate-100 px-4 py-2 text-xs text-slate-600">
            <span>Compare</span>
            <VersionSelect versions={h.versions} value={a} onChange={setA} testId="history-a" />
            <span>→</span>
            <VersionSelect versions={h.versions} value={b} onChange={setB} testId="history-b" />
            {ops && (
              <span className="ml-auto font-mono">
                <span className="text-emerald-700">+{diffStats(ops).inserted}</span> <span className="text-rose-700">−{diffStats(ops).deleted}</span>
              </span>
            )}
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto px-4 py-3" data-testid="history-diff">
            {ops && vb ? <CotText text={vb.text} durationSec={null} diff={{ ops, side: 'both' }} /> : <p className="text-sm text-slate-400">Pick two versions.</p>}
          </div>
        </div>
      )}
    </aside>
  );
}

function VersionSelect({ versions, value, onChange, testId }: { versions: ReviewVersion[]; value: number | null; onChange: (id: number) => void; testId: string }) {
  return (
    <select value={value ?? ''} onChange={(e) => onChange(Number(e.target.value))} data-testid={testId} className="h-7 rounded border border-slate-200 bg-white px-1 text-xs">
      {versions.map((v) => (
        <option key={v.id} value={v.id}>
          {versionLabel(v)}
        </option>
      ))}
    </select>
  );
}

function timeline(h: ItemHistory, problemType: ProblemType, sel: { a: number | null; b: number | null; setA: (n: number) => void; setB: (n: number) => void }): Entry[] {
  const entries: Entry[] = [];
  for (const v of h.versions) {
    entries.push({
      at: v.createdAt,
      key: `v${v.id}`,
      node: (
        <div className="flex items-center gap-2">
          <span className={`w-24 shrink-0 font-medium whitespace-nowrap ${v.kind === 'edit' ? 'text-amber-700' : 'text-slate-800'}`}>{versionLabel(v)}</span>
          <span className="min-w-0 truncate text-slate-500">
            {v.kind === 'edit' ? `by ${v.author?.name ?? 'a reviewer'}` : (v.model ?? '')}
            {v.parentVersionId ? ` · from #${v.parentVersionId}` : ''}
          </span>
          <span className="ml-auto flex shrink-0 items-center gap-2">
            <AnswerCheck check={v} problemType={problemType} compact />
            <button type="button" onClick={() => sel.setA(v.id)} className={`rounded px-1 text-[11px] ${sel.a === v.id ? 'bg-rose-100 text-rose-800' : 'text-slate-400 hover:bg-slate-100'}`} title="Compare from this version">
              A
            </button>
            <button type="button" onClick={() => sel.setB(v.id)} className={`rounded px-1 text-[11px] ${sel.b === v.id ? 'bg-emerald-100 text-emerald-800' : 'text-slate-400 hover:bg-slate-100'}`} title="Compare to this version">
              B
            </button>
            <span className="w-28 text-right text-[11px] whitespace-nowrap text-slate-400"><TimeAgo at={v.createdAt} /></span>
          </span>
        </div>
      ),
    });
  }
  for (const d of h.decisions) {
    entries.push({
      at: d.createdAt,
      key: `d${d.id}`,
      node: (
        <div className={`flex items-center gap-2 ${d.undoneAt ? 'opacity-50' : ''}`}>
          <span className={`w-24 shrink-0 font-medium capitalize ${d.status === 'accepted' ? 'text-emerald-700' : d.status === 'rejected' ? 'text-rose-700' : 'text-slate-600'}`}>{d.status}</span>
          <span className={`min-w-0 truncate text-slate-500 ${d.undoneAt ? 'line-through' : ''}`}>
            by {d.reviewer?.name ?? 'a reviewer'}
            {d.chosenVersionId ? ` · #${d.chosenVersionId}` : ''}
            {d.reason ? ` · ${d.reason}` : ''}
            {d.bulk ? ' · bulk' : ''}
          </span>
          <span className="ml-auto shrink-0 text-[11px] whitespace-nowrap text-slate-400">
            {d.undoneAt ? `undone · ` : ''}
            <TimeAgo at={d.createdAt} />
          </span>
        </div>
      ),
    });
  }
  return entries.sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : 0));
}
