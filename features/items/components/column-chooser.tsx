'use client';

import { COLUMN_LABELS, DEFAULT_LAYOUT, REQUIRED_COLUMNS, columnOrder, moveColumn, setHidden, type ColumnLayout } from '@/lib/views/item-columns';
import { Popover } from '@/components/ui/popover';

/** Which columns the items table shows and in what order (headers can also be dragged and resized). */
export function ColumnChooser({ layout, onLayout }: { layout: ColumnLayout; onLayout: (l: ColumnLayout) => void }) {
  const order = columnOrder(layout);
  const hidden = new Set(layout.hidden);
  return (
    <Popover label="Columns" testId="columns" title="Choose, order and resize the table's columns (kept for your account)">
      {() => (
        <div className="space-y-1">
          <ul className="space-y-0.5">
            {order.map((c, i) => (
              <li key={c} className="flex items-center gap-2 rounded px-1 py-0.5 hover:bg-slate-50" data-testid={`column-${c}`}>
                <label className="flex flex-1 items-center gap-2">
                  <input
                    type="checkbox"
                    checked={!hidden.has(c) || REQUIRED_COLUMNS.includes(c)}
                    disabled={REQUIRED_COLUMNS.includes(c)}
                    onChange={(e) => onLayout(setHidden(layout, c, !e.target.checked))}
                    data-testid={`column-toggle-${c}`}
                  />
                  {COLUMN_LABELS[c]}
                  {REQUIRED_COLUMNS.includes(c) && <span className="text-[10px] text-slate-400">always shown</span>}
                </label>
                <button type="button" aria-label={`Move ${COLUMN_LABELS[c]} left`} disabled={i === 0} className="rounded px-1 text-slate-500 hover:bg-slate-200 disabled:opacity-30" onClick={() => onLayout(moveColumn(layout, c, -1))} data-testid={`column-left-${c}`}>
                  ↑
                </button>
                <button type="button" aria-label={`Move ${COLUMN_LABELS[c]} right`} disabled={i === order.length - 1} className="rounded px-1 text-slate-500 hover:bg-slate-200 disabled:opacity-30" onClick={() => onLayout(moveColumn(layout, c, 1))} data-testid={`column-right-${c}`}>
                  ↓
                </button>
              </li>
            ))}
          </ul>
          <div className="flex items-center justify-between border-t border-slate-100 pt-1.5 text-slate-500">
            <span>Drag a header to move it, its right edge to resize it.</span>
            <button type="button" className="text-indigo-700 hover:underline" onClick={() => onLayout(DEFAULT_LAYOUT)} data-testid="columns-reset">
              Reset
            </button>
          </div>
        </div>
      )}
    </Popover>
  );
}
