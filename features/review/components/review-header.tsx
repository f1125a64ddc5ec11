'use client';

import Link from 'next/link';
import type { ReviewItem } from '@/lib/review/review-item';
import { StatusBadge } from '@/components/ui/badges';
import { Kbd } from '@/components/ui/kbd';
import { TimeAgo } from '@/components/ui/time-ago';

function HeaderButton({ onClick, active, children, title, testId, disabled }: { onClick: () => void; active?: boolean; children: React.ReactNode; title: string; testId?: string; disabled?: boolean }) {
  return (
    <button
      type="button"
      onClick={onClick}
      title={title}
      disabled={disabled}
      data-testid={testId}
      aria-pressed={active}
      className={`inline-flex h-7 items-center gap-1.5 rounded-md px-2 text-xs font-medium disabled:opacity-40 ${active ? 'bg-indigo-50 text-indigo-700 ring-1 ring-indigo-200 ring-inset' : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900'}`}
    >
      {children}
    </button>
  );
}

export function ReviewHeader(p: {
  item: ReviewItem | undefined;
  itemId: number;
  listHref: string;
  filterLabels: string[];
  prevId: number | null;
  nextId: number | null;
  diffOn: boolean;
  hasStoredEdit: boolean;
  onPrev: () => void;
  onNext: () => void;
  onToggleDiff: () => void;
  onHistory: () => void;
  onHelp: () => void;
  onResumeEdit: () => void;
  guidelinesOpen?: boolean;
  onGuidelines?: () => void;
}) {
  const it = p.item;
  return (
    <div className="flex h-8 min-w-0 shrink-0 items-center gap-2 text-[13px] whitespace-nowrap" data-testid="review-header">
      <Link href={p.listHref} className="rounded px-1.5 py-0.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900" title="Back to the list">
        ← Items
      </Link>
      <span className="text-slate-300">/</span>
      <span className="min-w-0 truncate text-slate-500" title={it?.datasetName}>
        {it?.datasetName ?? '…'}
      </span>
      <span className="text-slate-300">/</span>
      <span className="max-w-[14rem] shrink-0 truncate font-mono font-semibold text-slate-900" data-testid="item-title" title={it ? `problem_id ${it.problemId} · item ${it.id}` : undefined}>
        {it ? it.problemId : `item ${p.itemId}`}
      </span>
      {it && (
        <span className="flex shrink-0 items-center gap-1.5" data-testid="item-status">
          <StatusBadge status={it.reviewStatus} />
          {it.reviewStatus !== 'pending' && (
            <span suppressHydrationWarning className="hidden text-xs text-slate-400 xl:inline">
              {it.reviewedBy ? `${it.reviewedBy.name} · ` : ''}
              <TimeAgo at={it.reviewedAt} fallback="" />
            </span>
          )}
        </span>
      )}
      {p.filterLabels.length > 0 && (
        <span className="hidden min-w-0 items-center gap-1 truncate xl:flex" title="The list next/previous follow">
          {p.filterLabels.map((l) => (
            <span key={l} className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-600">
              {l}
            </span>
          ))}
        </span>
      )}
      <div className="ml-auto flex shrink-0 items-center gap-1" data-testid="review-header-controls">
        {p.hasStoredEdit && (
          <button type="button" onClick={p.onResumeEdit} className="mr-1 inline-flex h-7 items-center gap-1.5 rounded-md bg-amber-50 px-2 text-xs font-medium text-amber-800 ring-1 ring-amber-200 ring-inset hover:bg-amber-100" data-testid="resume-edit">
            Unsaved edit · resume
          </button>
        )}
        <HeaderButton onClick={p.onToggleDiff} active={p.diffOn} title="Word diff of draft and revision (V)" testId="toggle-diff">
          Diff <Kbd>V</Kbd>
        </HeaderButton>
        {p.onGuidelines && (
          <HeaderButton onClick={p.onGuidelines} active={p.guidelinesOpen} title="This dataset's review guidelines (G)" testId="toggle-guidelines">
            Guidelines <Kbd>G</Kbd>
          </HeaderButton>
        )}
        <HeaderButton onClick={p.onHistory} title="Every version and decision (H)" testId="open-history">
          History <Kbd>H</Kbd>
        </HeaderButton>
        <HeaderButton onClick={p.onHelp} title="Keyboard shortcuts (?)" testId="open-help">
          Keys <Kbd>?</Kbd>
        </HeaderButton>
        <span className="mx-1 h-5 w-px bg-slate-200" />
        <HeaderButton onClick={p.onPrev} disabled={p.prevId === null} title="Previous item in the list (K)" testId="prev-item">
          <Kbd>K</Kbd> Prev
        </HeaderButton>
        <HeaderButton onClick={p.onNext} disabled={p.nextId === null} title="Next item in the list (J)" testId="next-item">
          Next <Kbd>J</Kbd>
        </HeaderButton>
      </div>
    </div>
  );
}
