'use client';

import { useEffect, useRef } from 'react';
import videojs from 'video.js';
import type Player from 'video.js/dist/types/player';
import 'video.js/dist/video-js.css';

export type VideoPlayerProps = { src: string; type: string; onReady?: (player: Player) => void };

// video.js owns its DOM subtree: create it in an effect on a detached element and dispose on
// cleanup, so React never reconciles nodes video.js has moved.
export function VideoPlayer({ src, type, onReady }: VideoPlayerProps) {
  const holder = useRef<HTMLDivElement>(null);
  const playerRef = useRef<Player | null>(null);

  useEffect(() => {
    const el = document.createElement('video-js');
    el.classList.add('vjs-big-play-centered', 'vjs-fluid');
    el.setAttribute('data-testid', 'video-player');
    holder.current?.appendChild(el);
    const player = videojs(el, {
      controls: true,
      preload: 'auto',
      muted: true,
      playbackRates: [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2],
      sources: [{ src, type }],
    });
    playerRef.current = player;
    player.ready(() => onReady?.(player));
    return () => {
      player.dispose();
      playerRef.current = null;
    };
    // The player is rebuilt only when the media changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [src, type]);

  return <div ref={holder} className="overflow-hidden rounded-lg bg-black" />;
}
