'use client';

import { useEffect, useRef } from 'react';
import videojs from 'video.js';
import 'video.js/dist/video-js.css';
import type { PlayerController } from './player-controller';

/**
 * The one video.js player of the review page. video.js owns its DOM subtree: it is created in
 * an effect on a detached element and disposed on unmount, so React never reconciles nodes
 * video.js has moved. Sources change through the controller, not by rebuilding the player.
 */
export function VideoPlayer({ controller, hidden }: { controller: PlayerController; hidden?: boolean }) {
  const holder = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = document.createElement('video-js');
    el.classList.add('vjs-fill');
    el.setAttribute('data-testid', 'video-player');
    holder.current?.appendChild(el);
    const player = videojs(el, {
      controls: false,
      preload: 'auto',
      muted: true,
      playsinline: true,
      bigPlayButton: false,
      loadingSpinner: true,
      playbackRates: [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2],
    });
    controller.attach(player);
    const source = controller.source;
    if (source) player.src(source);
    return () => {
      controller.attach(null);
      player.dispose();
    };
  }, [controller]);

  return (
    <div
      ref={holder}
      onClick={() => controller.togglePlay()}
      className={`relative aspect-video max-h-[44vh] w-full cursor-pointer overflow-hidden rounded-md bg-black ${hidden ? 'hidden' : ''}`}
    />
  );
}
