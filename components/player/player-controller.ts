import type Player from 'video.js/dist/types/player';
import { isStreamingSource, loadStreaming, streamingLoaded } from './streaming';
import { FALLBACK_FPS, stepFrames } from '@/lib/media/frame-time';

export const PLAYBACK_RATES = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2] as const;

export type PlayerState = {
  /** Which of the two players is on screen. */
  active: 0 | 1;
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

export const INITIAL_PLAYER_STATE: PlayerState = {
  active: 0,
  readySrc: null,
  src: null,
  time: 0,
  duration: null,
  paused: true,
  rate: 1,
  muted: true,
  fps: FALLBACK_FPS,
  fpsKnown: false,
  error: null,
};

type Slot = { player: Player | null; video: HTMLVideoElement | null; src: string | null; type: string | undefined; ready: boolean };

/**
 * The review page's handle on its video: keyboard shortcuts, the toolbar, the timeline and CoT
 * time links all go through it. Two video.js players take turns: while one shows the current
 * item, the other loads the next item's video, so moving on swaps players with the metadata
 * already in — the next item is playable at once. Only the one on screen reports its state.
 */
export class PlayerController {
  private slots: [Slot, Slot] = [
    { player: null, video: null, src: null, type: undefined, ready: false },
    { player: null, video: null, src: null, type: undefined, ready: false },
  ];
  private state: PlayerState = INITIAL_PLAYER_STATE;
  private listeners = new Set<() => void>();
  private raf = 0;
  private probedDuration: number | null = null;
  private pendingSeek: number | null = null;
  private loadedKey: string | number | null = null;

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

  private get cur(): Slot {
    return this.slots[this.state.active];
  }

  attach(index: 0 | 1, player: Player | null): void {
    const slot = this.slots[index];
    slot.player = player;
    slot.video = (player?.el()?.querySelector('video') as HTMLVideoElement | null) ?? null;
    slot.ready = false;
    if (!player || !slot.video) return;
    const v = slot.video;
    const isActive = () => this.state.active === index;
    const sync = () => {
      if (isActive()) this.set({ time: v.currentTime, paused: v.paused, rate: v.playbackRate, muted: v.muted, duration: this.durationOf(v) });
    };
    player.on('loadedmetadata', () => {
      slot.ready = true;
      if (!isActive()) return;
      sync();
      this.set({ readySrc: slot.src, error: null });
      if (this.pendingSeek !== null) {
        const t = this.pendingSeek;
        this.pendingSeek = null;
        this.seek(t);
      }
    });
    player.on(['timeupdate', 'seeked', 'seeking', 'ratechange', 'volumechange', 'durationchange', 'pause', 'ended'], sync);
    player.on('play', () => {
      sync();
      if (isActive()) this.tick();
    });
    player.on('error', () => {
      if (isActive()) this.set({ error: player.error()?.message ?? 'The media could not be played' });
    });
    // A player created after load()/preload() picks up its source now.
    if (slot.src) this.giveSource(slot, slot.src, slot.type);
  }

  /** Smooth time display while playing (timeupdate fires only ~4 times a second). */
  private tick = (): void => {
    cancelAnimationFrame(this.raf);
    const v = this.cur.video;
    if (!v || v.paused) return;
    this.set({ time: v.currentTime });
    this.raf = requestAnimationFrame(this.tick);
  };

  private durationOf(v: HTMLVideoElement): number | null {
    return Number.isFinite(v.duration) && v.duration > 0 ? v.duration : this.probedDuration;
  }

  private setSource(slot: Slot, src: string, type: string): void {
    slot.src = src;
    slot.type = type;
    slot.ready = false;
    this.giveSource(slot, src, type);
  }

  /** Hands a source to the slot's player; a stream waits for the HLS/DASH code first. */
  private giveSource(slot: Slot, src: string, type: string | undefined): void {
    const player = slot.player;
    if (!player) return;
    if (streamingLoaded() || !isStreamingSource(src, type)) {
      player.src({ src, type });
      return;
    }
    loadStreaming().then(
      () => {
        // Still this slot's player and source (the reviewer may have moved on meanwhile).
        if (slot.player === player && slot.src === src) player.src({ src, type });
      },
      () => {
        if (slot.player === player && slot.src === src && this.cur === slot) this.set({ error: 'The HLS/DASH player could not be loaded' });
      },
    );
  }

  /**
   * Shows an item's video (`key` names the item: loading the same key twice is a no-op, a new
   * item on the same video starts it over). fps and duration come from the probe; the element
   * does not expose fps.
   */
  load(key: string | number, src: string, type: string, meta: { fps: number | null; durationSec: number | null }): void {
    if (key === this.loadedKey && this.state.src === src) return;
    this.loadedKey = key;
    this.probedDuration = meta.durationSec && meta.durationSec > 0 ? meta.durationSec : null;
    const fpsKnown = !!meta.fps && meta.fps > 0;
    const fps = fpsKnown ? meta.fps! : FALLBACK_FPS;
    this.pendingSeek = null;
    if (this.state.src === src) {
      this.cur.player?.pause();
      this.set({ fps, fpsKnown });
      if (this.mediaReady) this.seek(0);
      return;
    }
    this.cur.player?.pause();
    const standbyIndex = this.state.active === 0 ? 1 : 0;
    const standby = this.slots[standbyIndex];
    if (standby.src === src && standby.player) {
      // Preloaded: swap players; the metadata is usually in already.
      const v = standby.video;
      if (v && v.currentTime !== 0) v.currentTime = 0;
      if (v) v.muted = this.state.muted;
      this.set({
        active: standbyIndex,
        src,
        readySrc: standby.ready ? src : null,
        time: 0,
        duration: v ? this.durationOf(v) : this.probedDuration,
        paused: true,
        fps,
        fpsKnown,
        error: null,
      });
      return;
    }
    this.set({ src, readySrc: null, time: 0, duration: this.probedDuration, paused: true, fps, fpsKnown, error: null });
    this.setSource(this.cur, src, type);
  }

  /** Loads the next item's video in the player that is off screen. */
  preload(src: string, type: string): void {
    const standby = this.slots[this.state.active === 0 ? 1 : 0];
    if (standby.src === src || this.state.src === src) return;
    this.setSource(standby, src, type);
  }

  get mediaReady(): boolean {
    return this.state.readySrc !== null && this.state.readySrc === this.state.src;
  }

  togglePlay(): void {
    const p = this.cur.player;
    if (!p) return;
    if (p.paused()) void p.play()?.catch(() => {});
    else p.pause();
  }

  pause(): void {
    this.cur.player?.pause();
  }

  /** Seeks to `seconds`; before the metadata is in, the seek waits for it. */
  seek(seconds: number): void {
    const { player, video: v } = this.cur;
    if (!player || !v) return;
    if (!this.mediaReady) {
      this.pendingSeek = seconds;
      return;
    }
    const d = this.durationOf(v);
    const t = Math.max(0, d !== null ? Math.min(seconds, Math.max(0, d - 0.001)) : seconds);
    player.currentTime(t);
    this.set({ time: t });
  }

  skip(deltaSeconds: number): void {
    this.seek((this.cur.video?.currentTime ?? 0) + deltaSeconds);
  }

  step(frames: number): void {
    const v = this.cur.video;
    if (!v) return;
    this.pause();
    this.seek(stepFrames(v.currentTime, this.state.fps, frames, this.durationOf(v)));
  }

  /** The speed holds across items: a new source resets an element to its default rate, so set both, on both players. */
  setRate(rate: number): void {
    for (const slot of this.slots) {
      if (!slot.video) continue;
      slot.video.defaultPlaybackRate = rate;
      slot.video.playbackRate = rate;
    }
  }

  cycleRate(direction: 1 | -1): void {
    const i = PLAYBACK_RATES.findIndex((r) => r >= this.state.rate - 1e-9);
    const at = i < 0 ? PLAYBACK_RATES.length - 1 : i;
    const next = PLAYBACK_RATES[Math.min(PLAYBACK_RATES.length - 1, Math.max(0, at + direction))]!;
    this.setRate(next);
  }

  toggleMute(): void {
    const p = this.cur.player;
    if (p) p.muted(!p.muted());
  }

  requestFullscreen(): void {
    void this.cur.player?.requestFullscreen();
  }

  dispose(): void {
    cancelAnimationFrame(this.raf);
  }
}
