// video.js's HLS/DASH support (@videojs/http-streaming, "VHS") is most of video.js's weight
// (~130 KB gzipped of ~200 KB) and datasets are almost always MP4/WebM files the browser plays
// itself. So the player is built from video.js core (components/player/video-player.tsx), and
// VHS is fetched only when a source is a stream. next.config.ts points VHS's own
// `import videojs from 'video.js'` at the same core build, so it registers with our player.

const STREAM_TYPES = new Set(['application/x-mpegurl', 'application/vnd.apple.mpegurl', 'audio/mpegurl', 'application/dash+xml']);
const STREAM_PATH = /\.(m3u8|mpd)$/i;

/** Whether a source is an HLS (.m3u8) or DASH (.mpd) stream, which needs VHS to play. */
export function isStreamingSource(src: string, type: string | undefined): boolean {
  if (type && STREAM_TYPES.has(type.toLowerCase())) return true;
  const path = src.split(/[?#]/, 1)[0] ?? '';
  return STREAM_PATH.test(path);
}

let loaded = false;
let loading: Promise<void> | null = null;

/** True once VHS is registered with the player (sources can then be set synchronously). */
export const streamingLoaded = (): boolean => loaded;

/** Loads VHS once; later calls share the same promise. A failed load may be tried again. */
export function loadStreaming(): Promise<void> {
  loading ??= import('@videojs/http-streaming').then(
    () => {
      loaded = true;
    },
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}
