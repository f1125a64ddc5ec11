import { useSyncExternalStore } from 'react';
import type { PlayerController, PlayerState } from './player-controller';

const SERVER_STATE: PlayerState = { readySrc: null, src: null, time: 0, duration: null, paused: true, rate: 1, muted: true, fps: 30, fpsKnown: false, error: null };

export function usePlayerState(controller: PlayerController): PlayerState {
  return useSyncExternalStore(controller.subscribe, controller.getState, () => SERVER_STATE);
}

/** One value of the player state; the component re-renders only when that value changes (not on every frame). */
export function usePlayerValue<T extends string | number | boolean | null>(controller: PlayerController, pick: (s: PlayerState) => T): T {
  return useSyncExternalStore(
    controller.subscribe,
    () => pick(controller.getState()),
    () => pick(SERVER_STATE),
  );
}
