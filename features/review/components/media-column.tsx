'use client';

import type { ReviewItem } from '@/lib/review/review-item';
import type { PlayerController } from '@/components/player/player-controller';
import { MediaView } from '@/components/player/media-view';
import { PlayerToolbar } from '@/components/player/player-toolbar';
import { TimelineTrack } from '@/components/player/timeline-track';
import { CaptionList } from '@/components/player/caption-list';

/** The left column: the video (or image) with its caption timeline and toolbar, then the frame captions. */
export function MediaColumn({ item, controller, isVideo, onImageReady }: { item: ReviewItem | undefined; controller: PlayerController; isVideo: boolean; onImageReady: (src: string) => void }) {
  return (
    <div className="flex min-h-0 flex-col gap-2">
      <div className={`space-y-1.5 rounded-lg border border-slate-200 bg-white p-2 ${isVideo ? '' : 'min-h-0 flex-1'}`}>
        <MediaView controller={controller} dataType={item?.dataType ?? 'video'} src={item?.media.src ?? ''} onImageReady={onImageReady} />
        {isVideo && <TimelineTrack controller={controller} representation={item?.representation ?? null} />}
        {isVideo && <PlayerToolbar controller={controller} />}
        {item?.video?.probeError && <p className="text-xs text-amber-700">The video could not be probed: {item.video.probeError}</p>}
      </div>
      {isVideo && (
        <section className="flex min-h-0 flex-1 flex-col rounded-lg border border-slate-200 bg-white">
          <h2 className="border-b border-slate-100 px-3 py-1.5 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">Representation · frame captions</h2>
          <CaptionList controller={controller} representation={item?.representation ?? null} />
        </section>
      )}
    </div>
  );
}
