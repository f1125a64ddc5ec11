'use client';

import { useState } from 'react';
import type { ColumnLayout } from '@/lib/views/item-columns';
import { useDeleteView, useSavedViews, useSaveView } from '@/features/items/api/saved-views';
import { Popover } from '@/components/ui/popover';
import { Button } from '@/components/ui/button';

/**
 * Saved views: pick one (its filter, sort and columns) or save the table as it is now under a
 * name, for yourself or shared with the team.
 */
export function SavedViewsMenu({
  datasetId,
  filterKey,
  layout,
  onPick,
}: {
  datasetId: number;
  /** The current filter in URL form (sort included). */
  filterKey: string;
  layout: ColumnLayout;
  onPick: (filter: string, columns: ColumnLayout | null) => void;
}) {
  const views = useSavedViews(datasetId);
  const save = useSaveView();
  const del = useDeleteView();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const current = views.data?.find((v) => v.filter === filterKey);
  return (
    <Popover label={current ? `View: ${current.name}` : 'Views'} testId="views" title="Saved views: a named filter, sort and columns">
      {(close) => (
        <div className="space-y-2">
          {views.error && <p className="text-rose-700">{views.error.message}</p>}
          {views.data && views.data.length === 0 && <p className="px-1 text-slate-500">No saved views for this dataset yet.</p>}
          <ul className="max-h-64 space-y-0.5 overflow-y-auto">
            {views.data?.map((v) => (
              <li key={v.id} className="flex items-center gap-1 rounded hover:bg-slate-50">
                <button
                  type="button"
                  className={`min-w-0 flex-1 truncate px-1.5 py-1 text-left ${v.filter === filterKey ? 'font-semibold text-indigo-700' : 'text-slate-800'}`}
                  title={`${v.name}${v.mine ? '' : ` · shared by ${v.owner.name}`}\n${v.filter}`}
                  onClick={() => {
                    onPick(v.filter, v.columns);
                    close();
                  }}
                  data-testid="saved-view"
                >
                  {v.name}
                  {!v.mine && <span className="ml-1 text-[10px] font-normal text-slate-400">by {v.owner.name}</span>}
                  {v.mine && v.shared && <span className="ml-1 text-[10px] font-normal text-emerald-700">shared</span>}
                </button>
                {v.mine && (
                  <button type="button" aria-label={`Delete view ${v.name}`} className="rounded px-1.5 text-slate-400 hover:bg-rose-50 hover:text-rose-700" onClick={() => del.mutate({ id: v.id, datasetId })} data-testid="delete-view">
                    ×
                  </button>
                )}
              </li>
            ))}
          </ul>
          <form
            className="space-y-1.5 border-t border-slate-100 pt-2"
            onSubmit={(e) => {
              e.preventDefault();
              if (!name.trim()) return;
              save.mutate({ name: name.trim(), filter: filterKey, columns: layout, shared }, { onSuccess: () => setName('') });
            }}
          >
            <label className="block font-medium text-slate-600" htmlFor="view-name">
              Save this filter, sort and columns as
            </label>
            <input id="view-name" className="h-7 w-full rounded border border-slate-300 px-2" value={name} maxLength={80} placeholder="e.g. Wrong drafts, OCR" onChange={(e) => setName(e.target.value)} data-testid="view-name" />
            <div className="flex items-center justify-between">
              <label className="flex items-center gap-1.5 text-slate-600">
                <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} data-testid="view-shared" /> Share with the team
              </label>
              <Button type="submit" variant="primary" disabled={!name.trim() || save.isPending} testId="view-save">
                Save view
              </Button>
            </div>
            {save.error && <p className="text-rose-700">{save.error.message}</p>}
            {del.error && <p className="text-rose-700">{del.error.message}</p>}
          </form>
        </div>
      )}
    </Popover>
  );
}
