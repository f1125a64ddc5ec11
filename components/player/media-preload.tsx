'use client';

/**
 * Warms the browser's cache with the next item's image. (Videos preload in the off-screen
 * player instead; see PlayerController.)
 */
export function MediaPreload({ src }: { src: string | null }) {
  if (!src) return null;
  // eslint-disable-next-line @next/next/no-img-element
  return <img src={src} alt="" aria-hidden className="hidden" />;
}
