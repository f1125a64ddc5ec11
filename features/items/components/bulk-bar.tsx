'use client';

import { useState } from 'react';
import type { BulkOperation } from '@/lib/bulk/bulk-input';
import { SEND_BACK_LABEL, SEND_BACK_STAGES } from '@/lib/bulk/send-back-stages';
import { Button } from '@/components/ui/button';
import { Modal } from '@/components/ui/modal';
import type { Selection } from './selection';

function Menu({ label, items, testId, disabled }: { label: string; items: { label: string; onSelect: () => void; testId?: string }[]; testId?: string; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="relative" onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setOpen(false)}>
      <Button testId={testId} disabled={disabled} onClick={() => setOpen((o) => !o)}>
        {label} <span className="text-slate-400">▾</span>
      </Button>
      {open && (
        <div className="absolute left-0 z-30 mt-1 min-w-[240px] rounded border border-slate-200 bg-white py-1 shadow-lg">
          {items.map((it) => (
            <button
              key={it.label}
              type="button"
              data-testid={it.testId}
              className="block w-full px-3 py-1.5 text-left text-xs text-slate-700 hover:bg-slate-50"
              onClick={() => {
                setOpen(false);
                it.onSelect();
              }}
            >
              {it.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/**
 * The selection summary and the bulk actions. "Select all matching" switches the selection to
 * the filter itself; the server counts it when an action is asked for.
 */
export function BulkBar({
  selection,
  selected,
  total,
  pageAllSelected,
  onSelectAllMatching,
  onClear,
  onPrepare,
  busy,
}: {
  selection: Selection;
  selected: number | undefined;
  total: number | undefined;
  pageAllSelected: boolean;
  onSelectAllMatching: () => void;
  onClear: () => void;
  onPrepare: (op: BulkOperation) => void;
  busy: boolean;
}) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const fmt = (n: number | undefined) => (n === undefined ? '…' : n.toLocaleString('en-US'));
  if (selection.mode === 'ids' && selection.ids.size === 0) return null;
  // "Accept 0 items" is not an action: with nothing selected (e.g. every match unticked) the buttons wait.
  const none = selected === 0;
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-lg border border-indigo-200 bg-indigo-50 px-3 py-1.5 text-xs" data-testid="bulk-bar">
      <span className="font-medium text-indigo-900" data-testid="selection-summary">
        {selection.mode === 'all'
          ? `All ${fmt(selected)} matching item${selected === 1 ? '' : 's'} selected${selection.exclude.size ? ` (${selection.exclude.size} unticked)` : ''}`
          : `${fmt(selected)} selected`}
      </span>
      {selection.mode === 'ids' && pageAllSelected && total !== undefined && total > selection.ids.size && (
        <button type="button" className="text-indigo-700 underline" data-testid="select-all-matching" onClick={onSelectAllMatching}>
          Select all {fmt(total)} item{total === 1 ? '' : 's'} matching the filter
        </button>
      )}
      <button type="button" className="text-slate-600 hover:underline" onClick={onClear}>
        Clear selection
      </button>
      <span className="ml-auto flex items-center gap-2">
        <Menu
          label="Accept"
          testId="bulk-accept"
          disabled={busy || none}
          items={[
            { label: 'Accept the revision, else the draft', testId: 'bulk-accept-revision', onSelect: () => onPrepare({ type: 'accept', version: 'revision-else-draft' }) },
            { label: 'Accept the draft', testId: 'bulk-accept-draft', onSelect: () => onPrepare({ type: 'accept', version: 'draft' }) },
          ]}
        />
        <Button testId="bulk-reject" disabled={busy || none} onClick={() => setRejecting(true)}>
          Reject…
        </Button>
        <Menu
          label="Send back"
          testId="bulk-send-back"
          disabled={busy || none}
          items={SEND_BACK_STAGES.map((stage) => ({ label: `Send back to ${SEND_BACK_LABEL[stage]}`, testId: `bulk-send-back-${stage}`, onSelect: () => onPrepare({ type: 'send_back', stage }) }))}
        />
      </span>
      {rejecting && (
        <Modal
          title="Reject the selected items"
          onClose={() => setRejecting(false)}
          footer={
            <>
              <Button onClick={() => setRejecting(false)}>Cancel</Button>
              <Button
                variant="danger"
                testId="reject-continue"
                disabled={reason.trim() === ''}
                onClick={() => {
                  setRejecting(false);
                  onPrepare({ type: 'reject', reason: reason.trim() });
                }}
              >
                Count and review
              </Button>
            </>
          }
        >
          <label className="block text-xs font-medium text-slate-600" htmlFor="reject-reason">
            Reason (kept with every decision)
          </label>
          <textarea
            id="reject-reason"
            data-autofocus
            data-testid="reject-reason"
            className="h-20 w-full rounded border border-slate-300 px-2 py-1 text-sm focus:border-indigo-500 focus:outline-none"
            value={reason}
            maxLength={2000}
            onChange={(e) => setReason(e.target.value)}
          />
        </Modal>
      )}
    </div>
  );
}
