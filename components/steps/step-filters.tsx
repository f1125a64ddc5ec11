'use client';

import type { ItemFilter } from '@/lib/items/filter';
import { TriState } from '@/components/items/filter-controls';

/** The items table's step-review filters: a wrong step, first error at step ≤ N, step-reviewed, contradicted claims. */
export function StepFilters({ filter, set }: { filter: ItemFilter; set: (patch: Partial<ItemFilter>) => void }) {
  return (
    <span className="flex items-center gap-2" data-testid="step-filters">
      <TriState label="Steps" testId="filter-step-reviewed" value={filter.stepReviewed} onChange={(v) => set({ stepReviewed: v })} yes="reviewed" no="not reviewed" />
      <TriState label="Wrong step" testId="filter-wrong-step" value={filter.wrongStep} onChange={(v) => set({ wrongStep: v })} />
      <label className="flex items-center gap-1 text-xs text-slate-500">
        1st error ≤
        <input
          aria-label="First error at step at most"
          data-testid="filter-first-error-max"
          type="number"
          min={1}
          className={`h-7 w-12 rounded border border-slate-300 bg-white px-1 text-xs ${filter.firstErrorMax !== undefined ? 'border-indigo-400 bg-indigo-50' : ''}`}
          defaultValue={filter.firstErrorMax ?? ''}
          key={filter.firstErrorMax ?? 'none'}
          onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()}
          onBlur={(e) => {
            const n = e.target.value === '' ? undefined : Math.trunc(Number(e.target.value));
            if (n === undefined || (Number.isFinite(n) && n >= 1)) set({ firstErrorMax: n });
          }}
        />
      </label>
      <TriState label="Contradicted" testId="filter-contradicted" value={filter.contradicted} onChange={(v) => set({ contradicted: v })} />
    </span>
  );
}
