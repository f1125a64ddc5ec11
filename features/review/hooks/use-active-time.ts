'use client';

import { useCallback, useEffect, useRef } from 'react';

export type ActiveTimeOptions = {
  /** Time without input (keys, pointer, scroll) after which the reviewer counts as away, unless the video plays. */
  idleSeconds: number;
  /** The most one decision records (the server caps again). */
  capSeconds: number;
};

export const DEFAULT_ACTIVE_TIME: ActiveTimeOptions = { idleSeconds: 60, capSeconds: 600 };

const TICK_MS = 1000;

/**
 * Active time per item: counted while the tab is visible and the reviewer has given input in the
 * last `idleSeconds` (or a video is playing, since watching is work). `take(itemId)` returns the
 * item's time so far (capped) and starts it again, for the decision that ends it.
 */
export function useActiveTime(currentItemId: number, opts: ActiveTimeOptions = DEFAULT_ACTIVE_TIME): { take: (itemId: number) => number } {
  const spent = useRef(new Map<number, number>());
  const current = useRef(currentItemId);
  const lastInput = useRef(0);
  const options = useRef(opts);
  useEffect(() => {
    current.current = currentItemId;
    options.current = opts;
  });

  useEffect(() => {
    lastInput.current = Date.now();
    const mark = () => {
      lastInput.current = Date.now();
    };
    const events = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'scroll'] as const;
    for (const e of events) window.addEventListener(e, mark, { passive: true, capture: true });
    let last = Date.now();
    const tick = setInterval(() => {
      const now = Date.now();
      const step = Math.min(now - last, TICK_MS * 2);
      last = now;
      const visible = document.visibilityState === 'visible';
      const recent = now - lastInput.current <= options.current.idleSeconds * 1000;
      const playing = [...document.querySelectorAll('video')].some((v) => !v.paused && !v.ended && v.isConnected && v.offsetParent !== null);
      if (!visible || !(recent || playing)) return;
      const id = current.current;
      spent.current.set(id, (spent.current.get(id) ?? 0) + step);
    }, TICK_MS);
    return () => {
      clearInterval(tick);
      for (const e of events) window.removeEventListener(e, mark, { capture: true });
    };
  }, []);

  const take = useCallback((itemId: number) => {
    const ms = spent.current.get(itemId) ?? 0;
    spent.current.delete(itemId);
    return Math.min(Math.round(ms), options.current.capSeconds * 1000);
  }, []);
  return { take };
}
