'use client';

import Link from 'next/link';
import { useRef, useState, type ReactNode } from 'react';
import type { ItemFilter, SortField } from '@/lib/items/filter';
import type { ItemRow } from '@/lib/items/list-items';
import { COLUMN_LABELS, DEFAULT_WIDTHS, MIN_WIDTH, QUESTION_MIN_WIDTH, placeColumn, setWidth, visibleColumns, type ColumnLayout, type ItemColumn } from '@/lib/views/item-columns';
import { StatusBadge } from '@/components/ui/badges';
import { useAnswerOutcome } from '@/components/cot/answer-threshold-context';
import type { ProblemType } from '@/lib/answers/problem-types';
import { RiskCell, StepCell } from '@/components/steps/risk-cell';
import { TimeAgo } from '@/components/ui/time-ago';

const SORT_OF: Partial<Record<ItemColumn, SortField>> = {
  id: 'id',
  draft: 'draftScore',
  revision: 'revisionScore',
  consistency: 'consistencyScore',
  length: 'cotLength',
  updated: 'updatedAt',
  pass: 'passRate',
  risk: 'riskScore',
  steps: 'contradictedSteps',
};

/** ✓/✗ with the answer score, on one line: the columns people scan most. */
function Answer({ has, correct, score, problemType }: { has: boolean; correct: boolean | null; score: number | null; problemType: ProblemType }) {
  const outcome = useAnswerOutcome({ answerCorrect: correct, answerScore: score }, problemType);
  if (!has) return <span className="text-xs text-slate-300">none</span>;
  if (correct === null) return <span className="text-xs text-slate-400">unscored</span>;
  if (outcome === 'kept')
    return (
      <span className="text-xs font-medium whitespace-nowrap text-sky-700 tabular-nums" title={`kept: open-ended answer score ${score?.toFixed(3)} at or above the keep threshold`}>
        ≈ {score === null ? '' : score.toFixed(2)}
      </span>
    );
  return (
    <span className={`text-xs font-medium whitespace-nowrap tabular-nums ${correct ? 'text-emerald-700' : 'text-rose-700'}`} title={score === null ? undefined : `answer score ${score.toFixed(3)}`}>
      {correct ? '✓' : '✗'} {score === null ? '' : score.toFixed(2)}
    </span>
  );
}

/** RL pool flags beside the question: near-duplicate, answerable without the video, overlaps an evaluation set. */
function PoolFlags({ row }: { row: ItemRow }) {
  const flag = 'ml-1 rounded px-1 text-[10px] font-medium ring-1';
  return (
    <>
      {row.duplicateCluster !== null && <span className={`${flag} bg-amber-50 text-amber-800 ring-amber-200`} title={`near-duplicate cluster ${row.duplicateCluster}`}>dup</span>}
      {row.blindAnswerable && <span className={`${flag} bg-violet-50 text-violet-800 ring-violet-200`} title="a text-only model answers it without the video">blind</span>}
      {row.contaminated && <span className={`${flag} bg-rose-50 text-rose-800 ring-rose-200`} title="overlaps an evaluation set" data-testid="contaminated-flag">eval</span>}
    </>
  );
}

function Score({ value }: { value: number | null }) {
  return value === null ? <span className="text-slate-300">—</span> : <span className="tabular-nums">{value.toFixed(2)}</span>;
}

const None = () => <span className="text-slate-300">—</span>;

/** One cell per column. Text that can be cut (ids, sources, names) always carries its full value as a tooltip. */
function cell(c: ItemColumn, r: ItemRow, href: string): { node: ReactNode; className: string; title?: string } {
  switch (c) {
    case 'id':
      return {
        className: 'truncate font-mono text-xs',
        title: `problem_id ${r.problemId} · item ${r.id}`,
        node: (
          <Link className="text-indigo-700 hover:underline" href={href}>
            {r.problemId}
          </Link>
        ),
      };
    case 'question':
      return {
        className: 'truncate',
        node: (
          <>
            {r.failed && (
              <span className="mr-2 cursor-help rounded bg-rose-50 px-1 text-[10px] font-medium text-rose-700 ring-1 ring-rose-200" title={r.error ? `Failed: ${r.error}` : 'The last stage failed'} data-testid="failed-chip">
                failed
              </span>
            )}
            <Link href={href} className="text-slate-800" title={r.problem}>
              {r.problem.split('\n')[0]}
            </Link>
            <PoolFlags row={r} />
          </>
        ),
      };
    case 'type':
      return { className: 'truncate text-xs', title: r.problemType, node: r.problemType };
    case 'source':
      return { className: 'truncate text-xs text-slate-600', title: r.dataSource, node: r.dataSource || <None /> };
    case 'draft':
      return { className: '', node: <Answer has={r.hasDraft} correct={r.draftCorrect} score={r.draftScore} problemType={r.problemType} /> };
    case 'revision':
      return { className: '', node: <Answer has={r.hasRevision} correct={r.revisionCorrect} score={r.revisionScore} problemType={r.problemType} /> };
    case 'consistency':
      return { className: 'text-xs', node: <Score value={r.consistencyScore} /> };
    case 'length':
      return { className: 'text-xs tabular-nums text-slate-600', node: r.cotLength ?? <None /> };
    case 'status':
      return { className: '', node: <StatusBadge status={r.reviewStatus} /> };
    case 'reviewer': {
      const who = r.reviewerName ?? r.reviewedById;
      return { className: 'truncate text-xs text-slate-600', title: who ?? undefined, node: who ?? <None /> };
    }
    case 'updated':
      return { className: 'text-xs whitespace-nowrap text-slate-500 tabular-nums', node: <TimeAgo at={r.updatedAt} /> };
    case 'pass':
      return {
        className: 'text-xs tabular-nums',
        title: r.rolloutK === null ? undefined : `${r.rolloutPass} of ${r.rolloutK} rollouts right`,
        node: (
          <span data-testid="pass-rate">
            <Score value={r.passRate} />
          </span>
        ),
      };
    case 'risk':
      return { className: '', node: <RiskCell score={r.riskScore} components={r.riskComponents} /> };
    case 'steps':
      return { className: '', node: <StepCell firstError={r.stepFirstError} contradicted={r.contradictedSteps} reviewed={r.stepReviewed} /> };
  }
}

function HeaderCell({
  column,
  filter,
  onSort,
  onResize,
  onDropBefore,
  width,
}: {
  column: ItemColumn;
  filter: ItemFilter;
  onSort: (f: SortField, dir: 'asc' | 'desc') => void;
  onResize: (column: ItemColumn, width: number, done: boolean) => void;
  onDropBefore: (dragged: ItemColumn, before: ItemColumn) => void;
  width: number | null;
}) {
  const th = useRef<HTMLTableCellElement>(null);
  const [over, setOver] = useState(false);
  const field = SORT_OF[column];
  const active = field !== undefined && filter.sort === field;
  const next = active ? (filter.dir === 'asc' ? 'desc' : 'asc') : field === 'id' ? 'asc' : 'desc';
  const label = COLUMN_LABELS[column];
  const startResize = (e: React.PointerEvent) => {
    e.preventDefault();
    e.stopPropagation();
    const startX = e.clientX;
    const startW = th.current?.getBoundingClientRect().width ?? width ?? 100;
    const target = e.currentTarget as HTMLElement;
    target.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent) => onResize(column, Math.max(MIN_WIDTH, startW + ev.clientX - startX), false);
    const up = (ev: PointerEvent) => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      onResize(column, Math.max(MIN_WIDTH, startW + ev.clientX - startX), true);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };
  return (
    <th
      ref={th}
      className={`group relative truncate px-2 py-2 font-medium select-none ${over ? 'bg-indigo-100' : ''}`}
      aria-sort={field === undefined ? undefined : active ? (filter.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      draggable
      data-column={column}
      title={`${label}: drag to move, drag the right edge to resize`}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/x-cot-column', column);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('text/x-cot-column')) {
          e.preventDefault();
          setOver(true);
        }
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        const dragged = e.dataTransfer.getData('text/x-cot-column') as ItemColumn;
        if (dragged) onDropBefore(dragged, column);
      }}
    >
      {field ? (
        <button type="button" className={`inline-flex items-center gap-0.5 uppercase hover:text-slate-900 ${active ? 'text-indigo-700' : ''}`} onClick={() => onSort(field, next)} data-testid={`sort-${field}`}>
          {label}
          <span className="w-2 text-[10px]">{active ? (filter.dir === 'asc' ? '▲' : '▼') : ''}</span>
        </button>
      ) : (
        <span className="uppercase">{label}</span>
      )}
      <span
        role="separator"
        aria-orientation="vertical"
        aria-label={`Resize ${label}`}
        data-testid={`resize-${column}`}
        onPointerDown={startResize}
        className="absolute top-0 right-0 h-full w-1.5 cursor-col-resize group-hover:bg-slate-200 hover:bg-indigo-300"
      />
    </th>
  );
}

export function ItemsTable({
  rows,
  filter,
  linkQuery,
  isSelected,
  onToggle,
  pageState,
  onTogglePage,
  onSort,
  loading,
  layout,
  onLayout,
  empty,
}: {
  rows: ItemRow[];
  filter: ItemFilter;
  /** The filter as a query string, so the review page's next/previous follow this list. */
  linkQuery: string;
  isSelected: (id: number) => boolean;
  onToggle: (id: number, on: boolean) => void;
  pageState: 'none' | 'some' | 'all';
  onTogglePage: (on: boolean) => void;
  onSort: (f: SortField, dir: 'asc' | 'desc') => void;
  loading: boolean;
  /** The user's columns: order, hidden ones, widths (features/items/components/column-chooser.tsx). */
  layout?: ColumnLayout;
  onLayout?: (layout: ColumnLayout) => void;
  /** What to show instead of "No items match this filter." (e.g. a way out of a decided sample). */
  empty?: ReactNode;
}) {
  const base = layout ?? { order: [], hidden: [], widths: {} };
  // While dragging a column edge the width lives here; it is saved when the pointer is released.
  const [dragWidth, setDragWidth] = useState<{ column: ItemColumn; width: number } | null>(null);
  const columns = visibleColumns(base);
  const widthOf = (c: ItemColumn) => (dragWidth?.column === c ? dragWidth.width : (base.widths[c] ?? DEFAULT_WIDTHS[c]));
  const resize = (column: ItemColumn, width: number, done: boolean) => {
    if (!done) return setDragWidth({ column, width });
    setDragWidth(null);
    onLayout?.(setWidth(base, column, width));
  };
  const span = columns.length + 1;
  // Fixed columns plus room for the question: below that the table scrolls sideways rather than squeezing the question to nothing.
  const minWidth = 32 + columns.reduce((sum, c) => sum + (widthOf(c) ?? QUESTION_MIN_WIDTH), 0);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className={`w-full table-fixed text-sm ${loading ? 'opacity-60' : ''}`} style={{ minWidth }} data-testid="items-table">
        <colgroup>
          <col className="w-8" />
          {columns.map((c) => {
            const w = widthOf(c);
            return <col key={c} data-column={c} style={w === null ? undefined : { width: `${w}px` }} />;
          })}
        </colgroup>
        <thead className="bg-slate-50 text-left text-[11px] tracking-wide text-slate-500 uppercase">
          <tr>
            <th className="px-2 py-2">
              <input
                type="checkbox"
                aria-label="Select this page"
                data-testid="select-page"
                checked={pageState === 'all'}
                ref={(el) => {
                  if (el) el.indeterminate = pageState === 'some';
                }}
                onChange={(e) => onTogglePage(e.target.checked)}
              />
            </th>
            {columns.map((c) => (
              <HeaderCell key={c} column={c} filter={filter} onSort={onSort} onResize={resize} width={widthOf(c)} onDropBefore={(dragged, before) => onLayout?.(placeColumn(base, dragged, before))} />
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => {
            const href = `/items/${r.id}${linkQuery ? `?${linkQuery}` : ''}`;
            const selected = isSelected(r.id);
            return (
              <tr key={r.id} className={selected ? 'bg-indigo-50/60' : 'hover:bg-slate-50'} data-testid="item-row" data-item-id={r.id}>
                <td className="px-2 py-1.5">
                  <input type="checkbox" aria-label={`Select item ${r.problemId}`} checked={selected} onChange={(e) => onToggle(r.id, e.target.checked)} />
                </td>
                {columns.map((c) => {
                  const x = cell(c, r, href);
                  return (
                    <td key={c} className={`px-2 py-1.5 ${x.className}`} title={x.title} data-column={c}>
                      {x.node}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {rows.length === 0 && loading && (
            <tr>
              <td colSpan={span} className="px-3 py-10 text-center text-sm text-slate-400">
                Loading…
              </td>
            </tr>
          )}
          {rows.length === 0 && !loading && (
            <tr>
              <td colSpan={span} className="px-3 py-10 text-center text-sm text-slate-500" data-testid="items-empty">
                {empty ?? 'No items match this filter.'}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
