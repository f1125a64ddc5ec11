'use client';

import type { ReactNode } from 'react';
import { formatTimecode } from '@/lib/media/frame-time';
import { splitTimeRefs, timeRefTarget, type TimeRef } from '@/lib/cot/time-refs';

export type SeekFn = (seconds: number) => void;

const TAG = /(<\/?(?:think|answer)>)/g;

function TimeLink({ r, onSeek, durationSec }: { r: TimeRef; onSeek: SeekFn; durationSec: number | null }) {
  const target = timeRefTarget(r, durationSec);
  return (
    <button
      type="button"
      onClick={(e) => {
        e.stopPropagation();
        onSeek(target);
      }}
      data-testid="time-link"
      data-seconds={target}
      title={`Seek to ${formatTimecode(target, false)}`}
      className="rounded-sm text-indigo-700 underline decoration-indigo-300 decoration-dotted underline-offset-2 hover:bg-indigo-50 hover:decoration-solid"
    >
      {r.text}
    </button>
  );
}

/**
 * Model text as React text nodes — never HTML — with time references as seek buttons and the
 * CoT's own tags shown as small markers. A `<script>` in a CoT is therefore just text.
 */
export function richText(text: string, opts: { onSeek?: SeekFn; durationSec: number | null; showTags?: boolean; keyPrefix?: string }): ReactNode[] {
  const out: ReactNode[] = [];
  const parts = opts.showTags ? text.split(TAG) : [text];
  parts.forEach((part, i) => {
    if (part === '') return;
    const key = `${opts.keyPrefix ?? ''}${i}`;
    if (opts.showTags && i % 2 === 1) {
      out.push(
        <span key={key} className="mx-px rounded bg-slate-100 px-1 font-mono text-[11px] text-slate-500">
          {part}
        </span>,
      );
      return;
    }
    if (!opts.onSeek) {
      out.push(part);
      return;
    }
    splitTimeRefs(part).forEach((seg, j) => {
      if (typeof seg === 'string') out.push(seg);
      else out.push(<TimeLink key={`${key}-${j}`} r={seg} onSeek={opts.onSeek!} durationSec={opts.durationSec} />);
    });
  });
  return out;
}
