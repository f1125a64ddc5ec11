import { useEffect, useRef } from 'react';

export type HotkeyMap = Record<string, (e: KeyboardEvent) => void>;

function typingInto(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
}

/**
 * Page-wide single-key shortcuts. Keys typed into a field never trigger them, nor do keys with
 * Ctrl/Cmd/Alt (the browser's own shortcuts). Map keys are KeyboardEvent.key values ("a", "E",
 * " ", "ArrowLeft", "?"); the handlers are read at event time, so the map may change freely.
 */
export function useHotkeys(map: HotkeyMap, enabled: boolean): void {
  const ref = useRef(map);
  useEffect(() => {
    ref.current = map;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      if (typingInto(e.target)) return;
      // Caps Lock must not turn "a" into an unknown "A" (Shift+E, by contrast, is its own key).
      const key = e.key.length === 1 && !e.shiftKey ? e.key.toLowerCase() : e.key;
      const fn = ref.current[key];
      if (!fn) return;
      e.preventDefault();
      fn(e);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
