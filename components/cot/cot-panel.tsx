'use client';

import type { ReactNode } from 'react';
import type { ProblemType } from '@/lib/answers/problem-types';
import type { ReviewVersion } from '@/lib/review/review-item';
import { AnswerCheck } from './answer-check';
import { TimeAgo } from '@/components/ui/time-ago';

export type PanelTab = { key: string; label: string; version: ReviewVersion };

/** One CoT column: which version (tabs when there are several), who made it, its answer check. */
export function CotPanel(p: {
  testId: string;
  tabs: PanelTab[];
  active: string;
  onTab?: (key: string) => void;
  emptyLabel: string;
  emptyText: string;
  acceptedVersionId: number | null;
  problemType: ProblemType;
  tools?: ReactNode;
  children: ReactNode;
  editing?: boolean;
}) {
  const tab = p.tabs.find((t) => t.key === p.active) ?? p.tabs[0];
  const v = tab?.version;
  const accepted = v !== undefined && v.id === p.acceptedVersionId;
  return (
    <section
      data-testid={p.testId}
      data-version-id={v?.id}
      className={`flex min-h-0 min-w-0 flex-col rounded-lg border bg-white ${p.editing ? 'border-amber-300 ring-2 ring-amber-100' : accepted ? 'border-emerald-300' : 'border-slate-200'}`}
    >
      <header className="flex min-h-9 min-w-0 items-center gap-2 border-b border-slate-100 px-3 py-1" data-testid={`${p.testId}-header`}>
        {/* The tabs give way (and truncate) before the answer check and the Edit button do. */}
        <div className="flex min-w-0 items-center gap-1 overflow-hidden" role="tablist">
          {p.tabs.length === 0 && <h2 className="text-[13px] font-semibold text-slate-900">{p.emptyLabel}</h2>}
          {p.tabs.map((t) =>
            p.tabs.length === 1 ? (
              <h2 key={t.key} className="truncate text-[13px] font-semibold text-slate-900">
                {t.label}
              </h2>
            ) : (
              <button
                key={t.key}
                type="button"
                role="tab"
                aria-selected={t.key === tab?.key}
                onClick={() => p.onTab?.(t.key)}
                title={`${t.version.kind === 'edit' ? (t.version.author?.name ?? 'a reviewer') : (t.version.model ?? t.version.kind)} · version #${t.version.id}`}
                className={`min-w-[2.75rem] truncate rounded px-1.5 py-0.5 text-[13px] whitespace-nowrap ${t.key === tab?.key ? 'bg-slate-900 font-semibold text-white' : 'text-slate-600 hover:bg-slate-100'}`}
              >
                {t.label}
              </button>
            ),
          )}
        </div>
        {accepted && (
          <span className="shrink-0 rounded bg-emerald-600 px-1.5 py-0.5 text-[10px] font-semibold tracking-wide whitespace-nowrap text-white uppercase" data-testid="accepted-badge">
            accepted
          </span>
        )}
        {v && p.tabs.length <= 1 && (
          <span suppressHydrationWarning className="min-w-0 flex-1 truncate text-[11px] text-slate-400" title={v.model ?? v.author?.name ?? ''}>
            {v.kind === 'edit' ? (v.author?.name ?? 'reviewer') : (v.model ?? v.kind)} · <TimeAgo at={v.createdAt} />
          </span>
        )}
        <span className="ml-auto flex shrink-0 items-center gap-1.5" data-testid={`${p.testId}-tools`}>
          {/* Below 1280 px the question card's answer checks say the same; the header keeps its room for the tabs and Edit. */}
          {v && !p.editing && (
            <span className="hidden xl:inline-flex">
              <AnswerCheck check={v} problemType={p.problemType} compact />
            </span>
          )}
          {p.tools}
        </span>
      </header>
      {v || p.editing ? p.children : <p className="px-4 py-3 text-sm text-slate-400">{p.emptyText}</p>}
    </section>
  );
}
