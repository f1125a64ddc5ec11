'use client';

import { useState } from 'react';
import { REJECT_REASONS, type RejectReasonCode } from '@/lib/review/reject-reasons';
import { Kbd } from '@/components/ui/kbd';
import { Modal } from '@/components/ui/modal';

/** Reject with a reason: number keys pick one, Enter confirms, a note is optional. */
export function RejectDialog({ onReject, onClose, initial, initialNote }: { onReject: (reason: RejectReasonCode, note: string) => void; onClose: () => void; initial?: RejectReasonCode; initialNote?: string }) {
  const [reason, setReason] = useState<RejectReasonCode | null>(initial ?? null);
  const [note, setNote] = useState(initialNote ?? '');
  const canSubmit = reason !== null && (reason !== 'other' || note.trim() !== '');
  const submit = () => {
    if (canSubmit) onReject(reason, note);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const inNote = (e.target as HTMLElement).tagName === 'TEXTAREA';
    if (!inNote && /^[1-9]$/.test(e.key)) {
      const r = REJECT_REASONS[Number(e.key) - 1];
      if (r) {
        e.preventDefault();
        setReason(r.code);
        (e.currentTarget as HTMLElement).querySelector<HTMLInputElement>(`input[value="${r.code}"]`)?.focus();
      }
    } else if (e.key === 'Enter' && (!inNote || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
    }
  };
  return (
    <Modal title="Reject this item" onClose={onClose} testId="reject-dialog" onKeyDown={onKeyDown}>
      <div className="p-4">
        <fieldset>
          <legend className="sr-only">Reason</legend>
          <div className="grid grid-cols-1 gap-1">
            {REJECT_REASONS.map((r, i) => (
              <label
                key={r.code}
                className={`flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-[13px] ${reason === r.code ? 'bg-rose-50 text-rose-900 ring-1 ring-rose-200' : 'text-slate-700 hover:bg-slate-50'}`}
              >
                <input type="radio" name="reject-reason" value={r.code} checked={reason === r.code} onChange={() => setReason(r.code)} className="accent-rose-600" data-autofocus={i === 0 ? true : undefined} />
                <Kbd>{i + 1}</Kbd>
                <span>{r.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <label className="mt-3 block text-xs font-medium text-slate-600" htmlFor="reject-note">
          Note {reason === 'other' ? '(required)' : '(optional)'}
        </label>
        <textarea
          id="reject-note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={3}
          maxLength={2000}
          placeholder="What is wrong, for whoever fixes the prompt or the item"
          data-testid="reject-note"
          className="mt-1 w-full resize-none rounded border border-slate-300 px-2 py-1.5 text-[13px] outline-none focus:border-rose-400 focus:ring-2 focus:ring-rose-100"
        />
        <div className="mt-3 flex items-center justify-end gap-2">
          <button type="button" onClick={onClose} className="h-8 rounded px-3 text-[13px] text-slate-600 hover:bg-slate-100">
            Cancel
          </button>
          <button
            type="button"
            onClick={submit}
            disabled={!canSubmit}
            data-testid="reject-confirm"
            className="inline-flex h-8 items-center gap-2 rounded bg-rose-600 px-3 text-[13px] font-medium text-white hover:bg-rose-700 disabled:opacity-50"
          >
            Reject <Kbd tone="dark">↵</Kbd>
          </button>
        </div>
      </div>
    </Modal>
  );
}
