'use client';

import { useState } from 'react';
import type { PlayerController } from './player-controller';
import { VideoPlayer } from './video-player';

/**
 * The item's media: the video player, or the image for image items. The player stays mounted
 * (hidden) across image items, so returning to a video does not rebuild it.
 */
export function MediaView({ controller, dataType, src, onImageReady }: { controller: PlayerController; dataType: 'video' | 'image'; src: string; onImageReady?: (src: string) => void }) {
  const [failed, setFailed] = useState<string | null>(null);
  return (
    <>
      <VideoPlayer controller={controller} hidden={dataType === 'image'} />
      {dataType === 'image' && (
        <div className="relative flex h-full min-h-48 w-full items-center justify-center overflow-hidden rounded-md bg-slate-900">
          {failed === src ? (
            <p className="text-sm text-slate-300">The image could not be loaded.</p>
          ) : (
            // eslint-disable-next-line @next/next/no-img-element
            <img
              key={src}
              src={src}
              alt="Item media"
              data-testid="item-image"
              className="max-h-full max-w-full object-contain"
              onLoad={() => onImageReady?.(src)}
              // A server-rendered image may finish loading before hydration attaches onLoad.
              ref={(img) => {
                if (img?.complete && img.naturalWidth > 0) onImageReady?.(src);
              }}
              onError={() => setFailed(src)}
            />
          )}
        </div>
      )}
    </>
  );
}
