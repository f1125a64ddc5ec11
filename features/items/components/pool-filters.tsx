'use client';

import { DIFFICULTIES, type ItemFilter } from '@/lib/items/filter';
import { RangeField, TriState } from '@/components/items/filter-controls';

const DIFFICULTY_LABEL: Record<(typeof DIFFICULTIES)[number], string> = { 'all-pass': 'all pass', 'all-fail': 'all fail', mixed: 'between' };

/** The RL pool's filters: rollout pass rate, blind shortcuts, near-duplicates, contamination. */
export function PoolFilters({ filter, set }: { filter: ItemFilter; set: (patch: Partial<ItemFilter>) => void }) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2" data-testid="pool-filters">
      <span className="text-[11px] font-medium tracking-wide text-slate-400 uppercase">RL pool</span>
      <label className="flex items-center gap-1 text-xs text-slate-500">
        Rollouts
        <select
          data-testid="filter-difficulty"
          className={`h-7 rounded border border-slate-300 bg-white px-1.5 text-xs text-slate-700 ${filter.difficulty ? 'border-indigo-400 bg-indigo-50' : ''}`}
          value={filter.difficulty ?? ''}
          onChange={(e) => set({ difficulty: (e.target.value || undefined) as ItemFilter['difficulty'] })}
        >
          <option value="">any</option>
          {DIFFICULTIES.map((d) => (
            <option key={d} value={d}>
              {DIFFICULTY_LABEL[d]}
            </option>
          ))}
        </select>
      </label>
      <RangeField label="Pass rate" min={filter.passRateMin} max={filter.passRateMax} onChange={(passRateMin, passRateMax) => set({ passRateMin, passRateMax })} />
      <TriState label="Blind" testId="filter-blind" value={filter.blindAnswerable} onChange={(v) => set({ blindAnswerable: v })} yes="answerable" no="needs video" />
      <TriState label="Duplicate" testId="filter-duplicate" value={filter.hasDuplicate} onChange={(v) => set({ hasDuplicate: v })} yes="has one" no="none" />
      <TriState label="Eval overlap" testId="filter-contaminated" value={filter.contaminated} onChange={(v) => set({ contaminated: v })} yes="flagged" no="clean" />
    </div>
  );
}
