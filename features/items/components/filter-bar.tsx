'use client';

import { PROBLEM_TYPES } from '@/lib/answers/problem-types';
import { REVIEW_STATUSES, type ItemFilter } from '@/lib/items/filter';
import type { ItemFacets } from '@/lib/items/list-facets';
import { MultiSelect, RangeField, SearchField, TriState } from '@/components/items/filter-controls';
import { StepFilters } from '@/components/steps/step-filters';
import { PoolFilters } from './pool-filters';

const STATUS_STYLE: Record<string, string> = {
  pending: 'data-[on=true]:bg-slate-700 data-[on=true]:text-white',
  accepted: 'data-[on=true]:bg-emerald-600 data-[on=true]:text-white',
  rejected: 'data-[on=true]:bg-rose-600 data-[on=true]:text-white',
  skipped: 'data-[on=true]:bg-amber-500 data-[on=true]:text-white',
  needs_adjudication: 'data-[on=true]:bg-violet-600 data-[on=true]:text-white',
};

/**
 * Every filter of the items table. Changes are sent as patches (the caller merges them into the
 * latest filter), so two quick changes in a row both land even before the URL has caught up.
 */
export function FilterBar({ filter, facets, onPatch, onClear }: { filter: ItemFilter; facets: ItemFacets; onPatch: (patch: Partial<ItemFilter>) => void; onClear: () => void }) {
  const set = onPatch;
  const statuses = filter.status ?? [];
  const active = Object.entries(filter).filter(([k, v]) => !['dataset', 'sort', 'dir'].includes(k) && v !== undefined && !(Array.isArray(v) && v.length === 0)).length;
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white px-3 py-2" data-testid="filter-bar">
      <div className="flex flex-wrap items-center gap-2">
        <SearchField value={filter.q} onChange={(q) => set({ q })} />
        <div className="flex overflow-hidden rounded border border-slate-300" role="group" aria-label="Review status">
          {REVIEW_STATUSES.map((s) => {
            const on = statuses.includes(s);
            return (
              <button
                key={s}
                type="button"
                data-on={on}
                aria-pressed={on}
                data-testid={`filter-status-${s}`}
                onClick={() => set({ status: on ? statuses.filter((x) => x !== s) : [...statuses, s] })}
                className={`h-7 border-r border-slate-200 px-2 text-xs text-slate-600 last:border-r-0 hover:bg-slate-50 ${STATUS_STYLE[s]}`}
              >
                {s === 'needs_adjudication' ? 'needs adjudication' : s}
              </button>
            );
          })}
        </div>
        <MultiSelect label="Type" testId="filter-type" options={PROBLEM_TYPES.map((t) => ({ value: t, label: t }))} value={filter.type ?? []} onChange={(v) => set({ type: v as ItemFilter['type'] })} />
        <MultiSelect label="Source" testId="filter-source" options={facets.sources.map((s) => ({ value: s, label: s }))} value={filter.source ?? []} onChange={(v) => set({ source: v })} />
        <label className="flex items-center gap-1 text-xs text-slate-500">
          Reviewer
          <select
            className={`h-7 rounded border border-slate-300 bg-white px-2 text-xs text-slate-700 ${filter.reviewer ? 'border-indigo-400 bg-indigo-50' : ''}`}
            value={filter.reviewer ?? ''}
            onChange={(e) => set({ reviewer: e.target.value || undefined })}
          >
            <option value="">any</option>
            {facets.reviewers.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <RangeField label="CoT length" min={filter.lengthMin} max={filter.lengthMax} step="100" placeholders={['min', 'max']} onChange={(lengthMin, lengthMax) => set({ lengthMin, lengthMax })} />
        {active > 0 && (
          <button type="button" className="ml-auto text-xs text-indigo-700 hover:underline" onClick={onClear}>
            Clear {active} filter{active === 1 ? '' : 's'}
          </button>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <span className="flex items-center gap-2">
          <TriState label="Repr." value={filter.hasRepresentation} onChange={(v) => set({ hasRepresentation: v })} yes="has" no="missing" />
          <TriState label="Draft" testId="filter-has-draft" value={filter.hasDraft} onChange={(v) => set({ hasDraft: v })} yes="has" no="missing" />
          <TriState label="Source changed" testId="filter-stale" value={filter.stale} onChange={(v) => set({ stale: v })} yes="yes" no="no" />
          <TriState label="Revision" value={filter.hasRevision} onChange={(v) => set({ hasRevision: v })} yes="has" no="missing" />
          <TriState label="Failed" value={filter.failed} onChange={(v) => set({ failed: v })} />
        </span>
        <span className="flex items-center gap-2">
          <TriState label="Draft ans." testId="filter-draft-correct" value={filter.draftCorrect} onChange={(v) => set({ draftCorrect: v })} yes="correct" no="wrong" />
          <TriState label="Rev. ans." testId="filter-revision-correct" value={filter.revisionCorrect} onChange={(v) => set({ revisionCorrect: v })} yes="correct" no="wrong" />
        </span>
        <RangeField label="Score" min={filter.scoreMin} max={filter.scoreMax} onChange={(scoreMin, scoreMax) => set({ scoreMin, scoreMax })} />
        <RangeField label="Consistency" min={filter.consistencyMin} max={filter.consistencyMax} onChange={(consistencyMin, consistencyMax) => set({ consistencyMin, consistencyMax })} />
        <StepFilters filter={filter} set={set} />
      </div>
      <PoolFilters filter={filter} set={set} />
    </div>
  );
}
