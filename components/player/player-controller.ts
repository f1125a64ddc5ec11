import type Player from 'video.js/dist/types/player';
import { FALLBACK_FPS, stepFrames } from '@/lib/media/frame-time';

export const PLAYBACK_RATES = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2] as const;

export type PlayerState = {
  /** The source whose metadata is loaded: seeking and stepping work from then on. */
  readySrc: string | null;
  src: string | null;
  time: number;
  duration: number | null;
  paused: boolean;
  rate: number;
  muted: boolean;
  fps: number;
  fpsKnown: boolean;
  error: string | null;
};

const INITIAL: PlayerState = { readySrc: null, src: null, time: 0, duration: null, paused: true, rate: 1, muted: true, fps: FALLBACK_FPS, fpsKnown: false, error: null };

/**
 * The review page's handle on its one video.js player: keyboard shortcuts, the toolbar, the
 * timeline and CoT time links all go through it. The player outlives items (only its source
 * changes), so moving to the next item costs a source swap, not a player rebuild.
 */
export class PlayerController {
  private player: Player | null = null;
  private video: HTMLVideoElement | null = null;
  private state: PlayerState = INITIAL;
  private listeners = new Set<() => void>();
  private raf = 0;
  private probedDuration: number | null = null;
  private pendingSeek: number | null = null;
  private srcType: string | undefined;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getState = (): PlayerState => this.state;

  private set(patch: Partial<PlayerState>): void {
    const next = { ...this.state, ...patch };
    if ((Object.keys(patch) as (keyof PlayerState)[]).every((k) => next[k] === this.state[k])) return;
    this.state = next;
    for (const fn of this.listeners) fn();
  }

  attach(player: Player | null): void {
    this.player = player;
    this.video = (player?.el()?.querySelector('video') as HTMLVideoElement | null) ?? null;
    if (!player || !this.video) return;
    const v = this.video;
    const sync = () => this.set({ time: v.currentTime, paused: v.paused, rate: v.playbackRate, muted: v.muted, duration: this.durationOf(v) });
    player.on('loadedmetadata', () => {
      sync();
      this.set({ readySrc: this.state.src, error: null });
      if (this.pendingSeek !== null) {
        const t = this.pendingSeek;
        this.pendingSeek = null;
        this.seek(t);
      }
    });
    player.on(['timeupdate', 'seeked', 'seeking', 'ratechange', 'volumechange', 'durationchange', 'pause', 'ended'], sync);
    player.on('play', () => {
      sync();
      this.tick();
    });
    player.on('error', () => this.set({ error: player.error()?.message ?? 'The media could not be played' }));
  }

  /** Smooth time display while playing (timeupdate fires only ~4 times a second). */
  private tick = (): void => {
    cancelAnimationFrame(this.raf);
    const v = this.video;
    if (!v || v.paused) return;
    this.set({ time: v.currentTime });
    this.raf = requestAnimationFrame(this.tick);
  };

  private durationOf(v: HTMLVideoElement): number | null {
    return Number.isFinite(v.duration) && v.duration > 0 ? v.duration : this.probedDuration;
  }

  /** A new item's media; fps and duration come from the probe (the element does not expose fps). */
  load(src: string, type: string, meta: { fps: number | null; durationSec: number | null }): void {
    this.probedDuration = meta.durationSec && meta.durationSec > 0 ? meta.durationSec : null;
    const fpsKnown = !!meta.fps && meta.fps > 0;
    this.pendingSeek = null;
    if (this.state.src === src) {
      this.set({ fps: fpsKnown ? meta.fps! : FALLBACK_FPS, fpsKnown });
      return;
    }
    this.srcType = type;
    this.set({ src, readySrc: null, time: 0, duration: this.probedDuration, paused: true, fps: fpsKnown ? meta.fps! : FALLBACK_FPS, fpsKnown, error: null });
    this.player?.src({ src, type });
  }

  /** The current source, for a player created after `load` (it picks it up on attach). */
  get source(): { src: string; type: string | undefined } | null {
    return this.state.src ? { src: this.state.src, type: this.srcType } : null;
  }

  get mediaReady(): boolean {
    return this.state.readySrc !== null && this.state.readySrc === this.state.src;
  }

  togglePlay(): void {
    if (!this.player) return;
    if (this.player.paused()) void this.player.play()?.catch(() => {});
    else this.player.pause();
  }

  pause(): void {
    this.player?.pause();
  }

  /** Seeks to `seconds`; before the metadata is in, the seek waits for it. */
  seek(seconds: number): void {
    const v = this.video;
    if (!this.player || !v) return;
    if (!this.mediaReady) {
      this.pendingSeek = seconds;
      return;
    }
    const d = this.durationOf(v);
    const t = Math.max(0, d !== null ? Math.min(seconds, Math.max(0, d - 0.001)) : seconds);
    this.player.currentTime(t);
    this.set({ time: t });
  }

  skip(deltaSeconds: number): void {
    this.seek((this.video?.currentTime ?? 0) + deltaSeconds);
  }

  step(frames: number): void {
    const v = this.video;
    if (!v) return;
    this.pause();
    this.seek(stepFrames(v.currentTime, this.state.fps, frames, this.durationOf(v)));
  }

  setRate(rate: number): void {
    this.player?.playbackRate(rate);
  }

  cycleRate(direction: 1 | -1): void {
    const i = PLAYBACK_RATES.findIndex((r) => r >= this.state.rate - 1e-9);
    const at = i < 0 ? PLAYBACK_RATES.length - 1 : i;
    const next = PLAYBACK_RATES[Math.min(PLAYBACK_RATES.length - 1, Math.max(0, at + direction))]!;
    this.setRate(next);
  }

  toggleMute(): void {
    if (this.player) this.player.muted(!this.player.muted());
  }

  requestFullscreen(): void {
    void this.player?.requestFullscreen();
  }

  dispose(): void {
    cancelAnimationFrame(this.raf);
    this.player = null;
    this.video = null;
  }
}
