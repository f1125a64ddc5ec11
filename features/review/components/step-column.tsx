'use client';

import type { SeekFn } from '@/components/cot/rich-cot';
import { StepList } from '@/features/review/components/step-list';
import type { StepColumn, useStepReview } from '@/features/review/hooks/use-step-review';

type StepReview = ReturnType<typeof useStepReview>;

/** One CoT column in the numbered-steps view, wired to the page's step cursor. */
export function StepColumnView({ steps, column, text, onSeek, durationSec }: { steps: StepReview; column: StepColumn; text: string; onSeek?: SeekFn; durationSec: number | null }) {
  const version = steps.versionOf(column);
  const selected = steps.cursor.column === column ? steps.cursor.index : null;
  return (
    <StepList
      column={column}
      text={text}
      version={version}
      loading={steps.loading}
      selected={selected}
      onSelect={(i) => steps.select(column, i)}
      onSeek={onSeek}
      durationSec={durationSec}
      noteOpen={version && steps.noteFor?.versionId === version.versionId ? steps.noteFor.index : null}
      onNote={(i, note) => version && steps.change(version.versionId, { op: 'note', stepIndex: i, note })}
      onCloseNote={steps.closeNote}
    />
  );
}

/** The action bar's switch between full text and numbered steps (T). */
export function StepsToggle({ steps }: { steps: StepReview }) {
  return (
    <button
      type="button"
      onClick={steps.toggle}
      data-testid="steps-toggle"
      aria-pressed={steps.on}
      title="Numbered steps with per-step verdicts (T); in steps: ↑/↓ move, 1 / 0 / − mark, N note, X stop at the first error, C switch CoT"
      className={`inline-flex h-8 items-center gap-1.5 rounded px-2.5 text-[13px] ${steps.on ? 'bg-indigo-50 text-indigo-800 ring-1 ring-indigo-200' : 'text-slate-600 hover:bg-slate-100'}`}
    >
      {steps.on ? 'Full text' : 'Steps'} <kbd className="rounded border border-slate-300 bg-white px-1 font-mono text-[10px] text-slate-500">T</kbd>
    </button>
  );
}
