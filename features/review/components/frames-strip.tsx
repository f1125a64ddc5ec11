'use client';

import { useQuery } from '@tanstack/react-query';
import type { ItemStageFrames } from '@/lib/steps/stage-frames';
import { apiFetch } from '@/components/api/api-fetch';
import { formatTimecode } from '@/lib/media/frame-time';

const LABEL = { represent: 'Represent', revise: 'Revise', evidence: 'Evidence', consistency: 'Consistency' } as const;

/**
 * The exact frames each stage sent a model for this item, as thumbnails the studio serves from
 * the stages' own sampling plan and cache. A click seeks the player; the frames of the selected
 * step (the moments it names, and those its evidence check used) are highlighted.
 *
 * `load`: the strip is fetched only once the item is interactive (its data, steps and video
 * ready), so its dozen thumbnail requests never queue ahead of the next item's data, steps and
 * video on the browser's few connections (bench/review-next-item.ts, BENCH_STEPS=1).
 */
export function FramesStrip({ itemId, load, highlight, onSeek }: { itemId: number; load: boolean; highlight: { moments: number[]; frames: number[] }; onSeek?: (seconds: number) => void }) {
  const q = useQuery({ queryKey: ['review', 'frames', itemId], queryFn: ({ signal }) => apiFetch<ItemStageFrames>(`/api/items/${itemId}/frames`, { signal }), staleTime: 60_000, enabled: load });
  const stages = q.data?.stages ?? [];
  if (q.isPending) return <div className="h-14 animate-pulse rounded-lg bg-slate-100" data-testid="frames-strip-pending" />;
  if (stages.length === 0) return <p className="rounded-lg border border-slate-200 bg-white px-3 py-2 text-xs text-slate-400">No stage has sent this item’s frames to a model yet.</p>;
  // The frames the step's evidence check used, else the frame nearest each moment it names.
  const near = (t: number, m: number) => Math.abs(t - m) < 0.5 + 1e-6;
  const hot = (t: number) => (highlight.frames.length > 0 ? highlight.frames.some((f) => Math.abs(f - t) < 1e-3) : highlight.moments.some((m) => near(t, m)));
  return (
    <section className="space-y-1 rounded-lg border border-slate-200 bg-white px-2 py-1.5" data-testid="frames-strip">
      {stages.map((s) => (
        <div key={s.stage} className="flex items-center gap-2" data-stage={s.stage}>
          <span className="w-20 shrink-0 text-[10px] font-semibold tracking-wide text-slate-400 uppercase">
            {LABEL[s.stage]} <span className="font-normal normal-case">({s.indices.length})</span>
          </span>
          <div className="flex min-w-0 gap-1 overflow-x-auto pb-0.5">
            {s.indices.map((i, k) => {
              const t = s.seconds[k]!;
              const on = hot(t);
              return (
                <button
                  type="button"
                  key={i}
                  onClick={() => onSeek?.(t)}
                  title={`${LABEL[s.stage]} frame at ${formatTimecode(t, false)}`}
                  data-testid="stage-frame"
                  data-seconds={t}
                  data-highlighted={on ? 'true' : undefined}
                  className={`relative shrink-0 overflow-hidden rounded ${on ? 'ring-2 ring-indigo-500' : 'opacity-80 ring-1 ring-slate-200 hover:opacity-100'}`}
                >
                  {/* eslint-disable-next-line @next/next/no-img-element -- small JPEGs served by our own API, no optimisation wanted */}
                  <img src={`/api/items/${itemId}/frames/${s.plan}/${i}`} alt="" loading="lazy" className="h-9 w-16 object-cover" />
                  <span className="absolute right-0 bottom-0 bg-black/60 px-0.5 font-mono text-[9px] text-white">{formatTimecode(t, false)}</span>
                </button>
              );
            })}
          </div>
        </div>
      ))}
    </section>
  );
}
