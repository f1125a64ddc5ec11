// Frame arithmetic for the player. Stepping lands on the middle of a frame, so every decoder
// shows that frame (a time exactly on a frame boundary may show the previous one).

/** Used only when a video was not probed; the display says the rate is assumed. */
export const FALLBACK_FPS = 30;

export function frameAt(seconds: number, fps: number): number {
  return Math.max(0, Math.floor(seconds * fps + 1e-6));
}

export function timeOfFrame(frame: number, fps: number): number {
  return (Math.max(0, frame) + 0.5) / fps;
}

/** The time `delta` frames away from `seconds`, kept inside the video. */
export function stepFrames(seconds: number, fps: number, delta: number, durationSec: number | null): number {
  const last = durationSec && durationSec > 0 ? Math.max(0, Math.ceil(durationSec * fps) - 1) : Infinity;
  const target = Math.min(last, Math.max(0, frameAt(seconds, fps) + delta));
  return timeOfFrame(target, fps);
}

/** 75.25 → "01:15.250"; an hour or more → "1:01:15.250". */
export function formatTimecode(seconds: number, withMillis = true): string {
  const s = Math.max(0, Number.isFinite(seconds) ? seconds : 0);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = Math.floor(s % 60);
  const ms = Math.floor((s - Math.floor(s)) * 1000);
  const mmss = `${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
  const base = h > 0 ? `${h}:${mmss}` : mmss;
  return withMillis ? `${base}.${String(ms).padStart(3, '0')}` : base;
}
