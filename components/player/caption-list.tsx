'use client';

import { useEffect, useRef } from 'react';
import { captionIndexAt, type Representation } from '@/lib/cot/representation';
import type { PlayerController } from './player-controller';
import { usePlayerState } from './use-player-state';

/** The representation the draft was written from: the video caption and one line per sampled frame. */
export function CaptionList({ controller, representation }: { controller: PlayerController; representation: Representation | null }) {
  const s = usePlayerState(controller);
  const list = useRef<HTMLOListElement>(null);
  const active = captionIndexAt(representation, s.time);

  // Keep the current caption in view by scrolling the list itself, never the page.
  useEffect(() => {
    const ol = list.current;
    const li = ol?.children[active] as HTMLElement | undefined;
    if (!ol || !li) return;
    if (li.offsetTop < ol.scrollTop || li.offsetTop + li.offsetHeight > ol.scrollTop + ol.clientHeight) {
      ol.scrollTop = li.offsetTop - ol.clientHeight / 3;
    }
  }, [active]);

  if (!representation) {
    return <p className="px-3 py-2 text-xs text-slate-400">No representation yet: the video has not been described.</p>;
  }
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      {representation.videoCaption && (
        <p className="line-clamp-2 border-b border-slate-100 px-3 py-1.5 text-xs leading-relaxed text-slate-600" title={representation.videoCaption}>
          {representation.videoCaption}
        </p>
      )}
      <ol ref={list} className="relative min-h-0 flex-1 overflow-y-auto py-1 text-xs" data-testid="caption-list">
        {representation.frames.map((f, i) => (
          <li key={`${f.timestamp}-${i}`}>
            <button
              type="button"
              onClick={() => controller.seek(f.seconds)}
              className={`flex w-full gap-2 px-3 py-1 text-left leading-relaxed ${i === active ? 'bg-indigo-50 text-slate-900' : 'text-slate-600 hover:bg-slate-50'}`}
            >
              <span className={`shrink-0 font-mono tabular-nums ${i === active ? 'text-indigo-700' : 'text-slate-400'}`}>{f.timestamp.replace(/^00:/, '')}</span>
              <span>{f.caption}</span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
