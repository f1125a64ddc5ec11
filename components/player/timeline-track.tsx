'use client';

import { useMemo, useRef } from 'react';
import { captionIndexAt, distinctCaptions, type Representation } from '@/lib/cot/representation';
import type { PlayerController } from './player-controller';
import { usePlayerState } from './use-player-state';

/**
 * The scrubber: played portion, playhead, and the representation's frame captions as segments
 * at their timestamps. Clicking a segment seeks to its caption's time; clicking elsewhere (or
 * dragging) seeks to that point.
 */
export function TimelineTrack({ controller, representation }: { controller: PlayerController; representation: Representation | null }) {
  const s = usePlayerState(controller);
  const bar = useRef<HTMLDivElement>(null);
  const duration = s.duration ?? 0;
  const frames = useMemo(() => representation?.frames ?? [], [representation]);
  const active = captionIndexAt(representation, s.time);
  const labels = useMemo(() => distinctCaptions(frames.map((f) => f.caption)), [frames]);
  const pct = (t: number) => (duration > 0 ? Math.min(100, Math.max(0, (t / duration) * 100)) : 0);

  const seekAt = (clientX: number) => {
    const r = bar.current?.getBoundingClientRect();
    if (!r || duration <= 0) return;
    controller.seek(((clientX - r.left) / r.width) * duration);
  };

  return (
    <div className="select-none" data-testid="timeline">
      <div
        ref={bar}
        className="relative h-7 cursor-pointer overflow-hidden rounded bg-slate-100 ring-1 ring-inset ring-slate-200"
        onPointerDown={(e) => {
          if ((e.target as HTMLElement).closest('[data-caption]')) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          seekAt(e.clientX);
        }}
        onPointerMove={(e) => {
          if (e.currentTarget.hasPointerCapture(e.pointerId)) seekAt(e.clientX);
        }}
        role="slider"
        aria-label="Timeline"
        aria-valuemin={0}
        aria-valuemax={Math.round(duration)}
        aria-valuenow={Math.round(s.time)}
      >
        <div className="pointer-events-none absolute inset-y-0 left-0 bg-indigo-100" style={{ width: `${pct(s.time)}%` }} />
        {duration > 0 &&
          frames.map((f, i) => {
            const end = frames[i + 1]?.seconds ?? duration;
            return (
              <button
                key={`${f.timestamp}-${i}`}
                type="button"
                data-caption={i}
                data-testid="timeline-caption"
                title={`${f.timestamp} — ${f.caption}`}
                onClick={() => controller.seek(f.seconds)}
                className={`absolute inset-y-1 overflow-hidden border-l px-1 text-left text-[10px] leading-5 whitespace-nowrap text-ellipsis ${
                  i === active ? 'border-indigo-500 bg-indigo-500/15 text-indigo-900' : 'border-slate-300 text-slate-500 hover:bg-slate-200/70 hover:text-slate-800'
                }`}
                style={{ left: `${pct(f.seconds)}%`, width: `${Math.max(0.6, pct(end) - pct(f.seconds))}%` }}
              >
                <span className="mr-1 font-mono opacity-70">{f.timestamp.replace(/^00:/, '')}</span>
                {labels[i]}
              </button>
            );
          })}
        <div className="pointer-events-none absolute inset-y-0 w-0.5 -translate-x-1/2 bg-indigo-600" style={{ left: `${pct(s.time)}%` }} />
      </div>
    </div>
  );
}
