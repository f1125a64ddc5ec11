'use client';

import { useMemo } from 'react';
import type { ReviewItem, ReviewVersion } from '@/lib/review/review-item';
import { diffStats, diffWords } from '@/lib/review/word-diff';
import { CotText } from '@/components/cot/cot-text';
import { describeChange } from '@/features/review/components/describe-change';
import { Modal } from '@/components/ui/modal';

/** The version a conflicting editor should compare against: the newest edit, else what is accepted, else the revision. */
export function theirVersion(item: ReviewItem): ReviewVersion | null {
  return item.latestEdit ?? item.accepted ?? item.revision ?? item.draft;
}

/**
 * A save was refused because the item changed since the editor opened. Shows the other change
 * (as a word diff from their text to yours) and lets the reviewer choose; nothing is lost
 * either way: their version stays in history, yours stays in the editor until resolved.
 */
export function EditConflictDialog(p: {
  current: ReviewItem;
  mine: string;
  accept: boolean;
  onSaveMine: () => void;
  onTakeTheirs: () => void;
  onKeepEditing: () => void;
}) {
  const theirs = theirVersion(p.current);
  const ops = useMemo(() => diffWords(theirs?.text ?? '', p.mine), [theirs, p.mine]);
  const stats = diffStats(ops);
  return (
    <Modal title="This item changed while you were editing" onClose={p.onKeepEditing} width="max-w-3xl" testId="conflict-dialog">
      <div className="space-y-3 p-4">
        <p className="text-[13px] text-slate-700">
          <span className="font-medium text-slate-900" data-testid="conflict-summary">
            {describeChange(p.current)}.
          </span>{' '}
          Your save was not applied. Below: their {theirs?.kind ?? 'version'} with your edit marked on it (
          <span className="text-emerald-700">+{stats.inserted}</span> <span className="text-rose-700">−{stats.deleted}</span> words).
        </p>
        <div className="max-h-[45vh] overflow-y-auto rounded border border-slate-200 bg-slate-50/50 px-3 py-2" data-testid="conflict-diff">
          <CotText text={p.mine} durationSec={null} diff={{ ops, side: 'both' }} />
        </div>
        <div className="flex flex-wrap items-center justify-end gap-2">
          <button type="button" onClick={p.onTakeTheirs} className="h-8 rounded px-3 text-[13px] text-slate-600 hover:bg-slate-100" data-testid="conflict-take-theirs">
            Discard mine, keep theirs
          </button>
          <button type="button" data-autofocus onClick={p.onKeepEditing} className="h-8 rounded border border-slate-300 px-3 text-[13px] text-slate-700 hover:bg-slate-50" data-testid="conflict-keep-editing">
            Keep editing
          </button>
          <button type="button" onClick={p.onSaveMine} className="h-8 rounded bg-indigo-600 px-3 text-[13px] font-medium text-white hover:bg-indigo-700" data-testid="conflict-save-mine">
            Save mine as a newer version{p.accept ? ' and accept' : ''}
          </button>
        </div>
      </div>
    </Modal>
  );
}
