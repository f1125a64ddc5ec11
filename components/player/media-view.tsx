'use client';

import { VideoPlayer } from './video-player';

export function MediaView({ src, type, dataType }: { src: string; type: string; dataType: 'video' | 'image' }) {
  if (dataType === 'image') {
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={src} alt="Item media" className="w-full rounded-lg bg-black object-contain" data-testid="item-image" />;
  }
  return <VideoPlayer src={src} type={type} />;
}
