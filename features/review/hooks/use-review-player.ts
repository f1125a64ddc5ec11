'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReviewItem } from '@/lib/review/review-item';
import { PlayerController } from '@/components/player/player-controller';
import { usePlayerValue } from '@/components/player/use-player-state';

/** One player controller for the review page's life. */
export function usePlayerController(): PlayerController {
  const [controller] = useState(() => new PlayerController());
  useEffect(() => () => controller.dispose(), [controller]);
  return controller;
}

/** Starts an item's video before React renders it (moving on: its data is usually cached already). */
export function loadAhead(controller: PlayerController, cached: ReviewItem | undefined): void {
  if (cached?.dataType === 'video') controller.load(cached.id, cached.media.src, cached.media.type, { fps: cached.video?.fps ?? null, durationSec: cached.video?.durationSec ?? null });
}

/**
 * The shown item in the player: its video loaded (only a new item or new media reloads it), the
 * next item's video warming off-screen, and whether the shown media is usable (metadata loaded,
 * or the image decoded).
 */
export function useReviewPlayer(controller: PlayerController, item: ReviewItem | undefined, nextItem: ReviewItem | undefined) {
  const isVideo = item?.dataType === 'video';
  const itemId = item?.id;
  const src = item?.media.src;
  const type = item?.media.type;
  // Probe facts ride along with a load but do not trigger one on their own.
  const meta = useRef({ fps: null as number | null, durationSec: null as number | null });
  useEffect(() => {
    meta.current = { fps: item?.video?.fps ?? null, durationSec: item?.video?.durationSec ?? null };
  });
  useEffect(() => {
    if (itemId === undefined || src === undefined || type === undefined) return;
    if (isVideo) controller.load(itemId, src, type, meta.current);
    else controller.pause();
  }, [itemId, src, type, isVideo, controller]);

  const nextSrc = nextItem?.dataType === 'video' ? nextItem.media.src : undefined;
  const nextType = nextItem?.dataType === 'video' ? nextItem.media.type : undefined;
  useEffect(() => {
    if (nextSrc !== undefined && nextType !== undefined) controller.preload(nextSrc, nextType);
  }, [controller, nextSrc, nextType]);

  const readySrc = usePlayerValue(controller, (s) => s.readySrc);
  const [imageReadySrc, setImageReadySrc] = useState<string | null>(null);
  const mediaReady = !!item && (item.dataType === 'image' ? imageReadySrc === item.media.src : readySrc === item.media.src);

  // Marks for the next-item benchmark (bench/review-next-item.ts): data shown, media usable.
  useEffect(() => {
    if (itemId !== undefined) performance.mark(`review:data:${itemId}`);
  }, [itemId]);
  useEffect(() => {
    if (itemId !== undefined && mediaReady) performance.mark(`review:media:${itemId}`);
  }, [itemId, mediaReady]);

  const seek = useCallback((t: number) => controller.seek(t), [controller]);
  const durationSec = usePlayerValue(controller, (s) => s.duration);

  return { isVideo, mediaReady, setImageReadySrc, seek: isVideo ? seek : undefined, durationSec };
}
