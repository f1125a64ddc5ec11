'use client';

import type { PlayerController } from '@/components/player/player-controller';
import { useHotkeys, type HotkeyMap } from '@/components/review/use-hotkeys';

/**
 * The review page's keyboard (the help overlay lists it): decisions only on a loaded item with
 * no editor open; player keys only for videos; the step view's keys (T, and in it ↑/↓, 1/0/−…)
 * come last and win. Off while a dialog takes the keyboard.
 */
export function useReviewHotkeys(opts: {
  enabled: boolean;
  ready: boolean;
  editing: boolean;
  isVideo: boolean;
  controller: PlayerController;
  acceptRight: () => void;
  acceptDraft: () => void;
  startEdit: (column: 'draft' | 'right') => void;
  reject: () => void;
  skip: () => void;
  undo: () => void;
  next: () => void;
  previous: () => void;
  toggleGuidelines: () => void;
  toggleDiff: () => void;
  toggleHistory: () => void;
  help: () => void;
  steps: HotkeyMap;
}) {
  const { ready, editing, isVideo, controller } = opts;
  const decide = ready && !editing;
  useHotkeys(
    {
      a: () => decide && opts.acceptRight(),
      d: () => decide && opts.acceptDraft(),
      e: () => (editing ? document.querySelector<HTMLTextAreaElement>('[data-testid="editor-text"]')?.focus() : opts.startEdit('right')),
      E: () => !editing && opts.startEdit('draft'),
      r: () => decide && opts.reject(),
      s: () => decide && opts.skip(),
      u: opts.undo,
      j: opts.next,
      k: opts.previous,
      g: opts.toggleGuidelines,
      v: opts.toggleDiff,
      h: opts.toggleHistory,
      '?': opts.help,
      ' ': () => isVideo && controller.togglePlay(),
      ArrowLeft: () => isVideo && controller.skip(-5),
      ArrowRight: () => isVideo && controller.skip(5),
      ',': () => isVideo && controller.step(-1),
      '.': () => isVideo && controller.step(1),
      '[': () => controller.cycleRate(-1),
      ']': () => controller.cycleRate(1),
      '0': () => isVideo && controller.seek(0),
      m: () => controller.toggleMute(),
      f: () => isVideo && controller.requestFullscreen(),
      ...opts.steps,
    },
    opts.enabled,
  );
}
