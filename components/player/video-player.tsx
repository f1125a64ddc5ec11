'use client';

import { useEffect, useRef } from 'react';
import 'video.js/dist/video-js.css';
import type { PlayerController } from './player-controller';
import { usePlayerValue } from './use-player-state';

// video.js core (no HLS/DASH code: that is loaded only for streams, ./streaming.ts) is not in
// the page's first JavaScript: the page paints and hydrates without it while this chunk loads
// in parallel, requested as soon as this module runs. The controller takes a player whenever
// it arrives and hands it the current source then.
const videojsModule = typeof window === 'undefined' ? null : import('video.js/core.es.js');

/** One video.js player. video.js owns its DOM subtree: built in an effect on a detached element, disposed on unmount. */
function PlayerSlot({ controller, index, visible }: { controller: PlayerController; index: 0 | 1; visible: boolean }) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let player: ReturnType<(typeof import('video.js/core.es.js'))['default']> | null = null;
    let unmounted = false;
    void videojsModule?.then(({ default: videojs }) => {
      if (unmounted) return;
      const el = document.createElement('video-js');
      el.classList.add('vjs-fill');
      holder.current?.appendChild(el);
      player = videojs(el, {
        controls: false,
        preload: 'auto',
        muted: true,
        playsinline: true,
        bigPlayButton: false,
        loadingSpinner: true,
      });
      controller.attach(index, player);
    });
    return () => {
      unmounted = true;
      if (!player) return;
      controller.attach(index, null);
      player.dispose();
    };
  }, [controller, index]);
  // The off-screen player keeps its layout (visibility, not display) so its first frame is decoded.
  return <div ref={holder} className={`absolute inset-0 ${visible ? '' : 'invisible'}`} data-testid={visible ? 'video-player' : 'video-standby'} />;
}

/**
 * The review page's video: two players taking turns (see PlayerController), so the next item's
 * video is loaded while the reviewer works on this one. Sources change through the controller.
 */
export function VideoPlayer({ controller, hidden }: { controller: PlayerController; hidden?: boolean }) {
  const active = usePlayerValue(controller, (s) => s.active);
  return (
    <div onClick={() => controller.togglePlay()} className={`relative aspect-video max-h-[44vh] w-full cursor-pointer overflow-hidden rounded-md bg-black ${hidden ? 'hidden' : ''}`}>
      <PlayerSlot controller={controller} index={0} visible={active === 0} />
      <PlayerSlot controller={controller} index={1} visible={active === 1} />
    </div>
  );
}
