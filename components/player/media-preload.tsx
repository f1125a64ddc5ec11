'use client';

/**
 * Warms the browser's cache with the next item's media: a hidden, muted video that loads only
 * its metadata (the first range request with the moov atom), or the image itself. When the
 * reviewer moves on, the player's source swap is answered from the cache.
 */
export function MediaPreload({ src, dataType }: { src: string | null; dataType: 'video' | 'image' | null }) {
  if (!src || !dataType) return null;
  if (dataType === 'image') {
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={src} alt="" aria-hidden className="hidden" />;
  }
  return <video key={src} src={src} preload="metadata" muted playsInline aria-hidden className="hidden" data-testid="media-preload" />;
}
