import { useSyncExternalStore } from 'react';
import { INITIAL_PLAYER_STATE as SERVER_STATE, type PlayerController, type PlayerState } from './player-controller';

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
