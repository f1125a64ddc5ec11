'use client';

import { useState } from 'react';
import type { ReviewItem, ReviewVersion } from '@/lib/review/review-item';
import { Modal } from '@/components/ui/modal';

/**
 * The second step before accepting a CoT whose answer check fails: says what is wrong and asks
 * for a reason, which the review row and the audit log keep. Enter (with a reason) confirms.
 */
export function AcceptAnywayDialog({
  item,
  version,
  label,
  onAccept,
  onClose,
}: {
  item: ReviewItem;
  version: ReviewVersion;
  label: string;
  onAccept: (reason: string) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const ok = reason.trim() !== '';
  const submit = () => ok && onAccept(reason.trim());
  return (
    <Modal title={`Accept this ${label} anyway?`} onClose={onClose} testId="accept-anyway-dialog">
      <div className="space-y-3 p-4 text-[13px]">
        <p className="rounded border border-rose-200 bg-rose-50 px-2 py-1.5 text-rose-900">
          Its answer <span className="font-semibold">“{version.answer ?? '—'}”</span> fails the answer check against the ground truth{' '}
          <span className="font-semibold">“{item.groundTruth}”</span>
          {version.answerScore !== null && <> (score {version.answerScore.toFixed(2)})</>}. Training on it teaches the wrong answer.
        </p>
        <label className="block text-xs font-medium text-slate-600" htmlFor="accept-anyway-reason">
          Why accept it anyway? (required, kept with the decision)
        </label>
        <textarea
          id="accept-anyway-reason"
          data-autofocus
          data-testid="accept-anyway-reason"
          className="h-20 w-full rounded border border-slate-300 px-2 py-1 text-sm focus:border-indigo-500 focus:outline-none"
          value={reason}
          maxLength={2000}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              submit();
            }
          }}
        />
        <div className="flex justify-end gap-2">
          <button type="button" className="rounded px-3 py-1 text-slate-600 hover:bg-slate-100" onClick={onClose}>
            Cancel
          </button>
          <button type="button" data-testid="accept-anyway-confirm" disabled={!ok} onClick={submit} className="rounded bg-rose-600 px-3 py-1 font-medium text-white disabled:opacity-40">
            Accept anyway
          </button>
        </div>
      </div>
    </Modal>
  );
}
