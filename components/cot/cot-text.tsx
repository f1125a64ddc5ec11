'use client';

import { useMemo } from 'react';
import { splitCot } from '@/lib/answers/extract';
import type { DiffOp } from '@/lib/review/word-diff';
import { richText, type SeekFn } from './rich-cot';

export type CotDiff = { ops: DiffOp[]; side: 'old' | 'new' | 'both' };

/**
 * A CoT for reading: the <think> reasoning, then the <answer> set apart. A text that breaks the
 * format, and any diff view, is shown whole with its tags visible, so nothing is hidden.
 */
export function CotText({ text, onSeek, durationSec, diff }: { text: string; onSeek?: SeekFn; durationSec: number | null; diff?: CotDiff | null }) {
  const parts = useMemo(() => splitCot(text), [text]);
  if (diff) return <DiffText diff={diff} onSeek={onSeek} durationSec={durationSec} />;
  if (!parts.formatOk || parts.think === null || parts.answer === null) {
    return (
      <div className="whitespace-pre-wrap break-words text-[13px] leading-relaxed text-slate-800" data-testid="cot-raw">
        {richText(text, { onSeek, durationSec, showTags: true })}
      </div>
    );
  }
  return (
    <div className="space-y-3 text-[13px] leading-relaxed text-slate-800">
      <section>
        <div className="mb-1 font-mono text-[10px] uppercase tracking-wider text-slate-400">think</div>
        <div className="whitespace-pre-wrap break-words" data-testid="cot-think">
          {richText(parts.think, { onSeek, durationSec })}
        </div>
      </section>
      <section className="rounded-md bg-slate-50 px-3 py-2 ring-1 ring-inset ring-slate-200">
        <div className="mb-0.5 font-mono text-[10px] uppercase tracking-wider text-slate-400">answer</div>
        <div className="whitespace-pre-wrap break-words font-medium text-slate-900" data-testid="cot-answer">
          {parts.answer}
        </div>
      </section>
    </div>
  );
}

/** A word diff: the old side marks deletions, the new side insertions, 'both' shows them inline. */
function DiffText({ diff, onSeek, durationSec }: { diff: CotDiff; onSeek?: SeekFn; durationSec: number | null }) {
  const hide = diff.side === 'old' ? 'insert' : diff.side === 'new' ? 'delete' : null;
  return (
    <div className="whitespace-pre-wrap break-words text-[13px] leading-relaxed text-slate-800" data-testid="cot-diff">
      {diff.ops.map((op, i) => {
        if (op.type === hide) return null;
        const body = richText(op.text, { onSeek, durationSec, showTags: true, keyPrefix: `${i}-` });
        if (op.type === 'equal') return <span key={i}>{body}</span>;
        return op.type === 'delete' ? (
          <del key={i} className="mr-px rounded-sm bg-rose-100 text-rose-800 decoration-rose-400" data-diff="delete">
            {body}
          </del>
        ) : (
          <ins key={i} className="rounded-sm bg-emerald-100 text-emerald-900 no-underline" data-diff="insert">
            {body}
          </ins>
        );
      })}
    </div>
  );
}
