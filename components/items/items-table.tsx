'use client';

import Link from 'next/link';
import type { ItemFilter, SortField } from '@/lib/items/filter';
import type { ItemRow } from '@/lib/items/list-items';
import { StatusBadge } from '@/components/ui/badges';
import { useAnswerOutcome } from '@/components/cot/answer-threshold-context';
import type { ProblemType } from '@/lib/answers/problem-types';
import { RiskCell, StepCell } from '@/components/steps/risk-cell';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit' });

function SortHeader({ label, field, filter, onSort, className = '' }: { label: string; field: SortField; filter: ItemFilter; onSort: (f: SortField, dir: 'asc' | 'desc') => void; className?: string }) {
  const active = filter.sort === field;
  const next = active ? (filter.dir === 'asc' ? 'desc' : 'asc') : field === 'id' ? 'asc' : 'desc';
  return (
    <th className={`px-2 py-2 font-medium ${className}`} aria-sort={active ? (filter.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className={`inline-flex items-center gap-0.5 uppercase hover:text-slate-900 ${active ? 'text-indigo-700' : ''}`} onClick={() => onSort(field, next)} data-testid={`sort-${field}`}>
        {label}
        <span className="w-2 text-[10px]">{active ? (filter.dir === 'asc' ? '▲' : '▼') : ''}</span>
      </button>
    </th>
  );
}

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
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className={`w-full table-fixed text-sm ${loading ? 'opacity-60' : ''}`} data-testid="items-table">
        <colgroup>
          <col className="w-8" />
          <col className="w-20" />
          <col />
          <col className="w-28" />
          <col className="w-28" />
          <col className="w-20" />
          <col className="w-20" />
          <col className="w-14" />
          <col className="w-14" />
          <col className="w-16" />
          <col className="w-20" />
          <col className="w-24" />
          <col className="w-24" />
          <col className="w-16" />
          <col className="w-16" />
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
            <SortHeader label="ID" field="id" filter={filter} onSort={onSort} />
            <th className="px-2 py-2 font-medium">Question</th>
            <th className="px-2 py-2 font-medium">Type</th>
            <th className="px-2 py-2 font-medium">Source</th>
            <SortHeader label="Draft" field="draftScore" filter={filter} onSort={onSort} />
            <SortHeader label="Revision" field="revisionScore" filter={filter} onSort={onSort} />
            <SortHeader label="Cons." field="consistencyScore" filter={filter} onSort={onSort} />
            <SortHeader label="Len" field="cotLength" filter={filter} onSort={onSort} />
            <SortHeader label="Pass" field="passRate" filter={filter} onSort={onSort} />
            <th className="px-2 py-2 font-medium">Status</th>
            <th className="px-2 py-2 font-medium">Reviewer</th>
            <SortHeader label="Updated" field="updatedAt" filter={filter} onSort={onSort} />
            <SortHeader label="Risk" field="riskScore" filter={filter} onSort={onSort} />
            <SortHeader label="Steps" field="contradictedSteps" filter={filter} onSort={onSort} />
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
                <td className="truncate px-2 py-1.5 font-mono text-xs">
                  <Link className="text-indigo-700 hover:underline" href={href} title={`problem_id ${r.problemId} · item ${r.id}`}>
                    {r.problemId}
                  </Link>
                </td>
                <td className="truncate px-2 py-1.5" title={r.problem}>
                  <Link href={href} className="text-slate-800">
                    {r.problem.split('\n')[0]}
                  </Link>
                  {r.failed && <span className="ml-2 rounded bg-rose-50 px-1 text-[10px] font-medium text-rose-700 ring-1 ring-rose-200">failed</span>}
                  <PoolFlags row={r} />
                </td>
                <td className="truncate px-2 py-1.5 text-xs">{r.problemType}</td>
                <td className="truncate px-2 py-1.5 text-xs text-slate-600" title={r.dataSource}>
                  {r.dataSource}
                </td>
                <td className="px-2 py-1.5">
                  <Answer has={r.hasDraft} correct={r.draftCorrect} score={r.draftScore} problemType={r.problemType} />
                </td>
                <td className="px-2 py-1.5">
                  <Answer has={r.hasRevision} correct={r.revisionCorrect} score={r.revisionScore} problemType={r.problemType} />
                </td>
                <td className="px-2 py-1.5 text-xs">
                  <Score value={r.consistencyScore} />
                </td>
                <td className="px-2 py-1.5 text-xs tabular-nums text-slate-600">{r.cotLength ?? <span className="text-slate-300">—</span>}</td>
                <td className="px-2 py-1.5 text-xs tabular-nums" data-testid="pass-rate" title={r.rolloutK === null ? undefined : `${r.rolloutPass} of ${r.rolloutK} rollouts right`}>
                  <Score value={r.passRate} />
                </td>
                <td className="px-2 py-1.5">
                  <StatusBadge status={r.reviewStatus} />
                </td>
                <td className="truncate px-2 py-1.5 text-xs text-slate-600">{r.reviewerName ?? (r.reviewedById ? r.reviewedById : <span className="text-slate-300">—</span>)}</td>
                <td className="px-2 py-1.5 text-xs whitespace-nowrap text-slate-500 tabular-nums">{dateFormat.format(new Date(r.updatedAt))}</td>
                <td className="px-2 py-1.5">
                  <RiskCell score={r.riskScore} components={r.riskComponents} />
                </td>
                <td className="px-2 py-1.5">
                  <StepCell firstError={r.stepFirstError} contradicted={r.contradictedSteps} reviewed={r.stepReviewed} />
                </td>
              </tr>
            );
          })}
          {rows.length === 0 && loading && (
            <tr>
              <td colSpan={15} className="px-3 py-10 text-center text-sm text-slate-400">
                Loading…
              </td>
            </tr>
          )}
          {rows.length === 0 && !loading && (
            <tr>
              <td colSpan={15} className="px-3 py-10 text-center text-sm text-slate-500">
                No items match this filter.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
