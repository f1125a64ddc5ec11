'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { RejectReasonCode } from '@/lib/review/reject-reasons';
import type { VersionSteps } from '@/lib/steps/step-types';
import type { HotkeyMap } from '@/components/review/use-hotkeys';
import { itemStepsQueryOptions, useChangeSteps, useItemSteps, type StepChangeInput } from '@/features/review/api/item-steps';

export type StepColumn = 'draft' | 'right';
type Cursor = { itemId: number; column: StepColumn; index: number };

const VIEW_KEY = 'cot-studio:steps-view';

/**
 * The numbered-steps view of the review page and its keyboard: T toggles it; in it ↑/↓ (or
 * Tab / Shift+Tab) move through steps, C switches between the draft and the right-hand CoT,
 * 1 / 0 / − mark the step correct / neutral / wrong (0 seeks the video's start only outside
 * this view), Backspace clears it, N adds a note, X stops at the first error.
 */
export function useStepReview(opts: {
  itemId: number;
  nextId: number | null;
  /** The items after this one in the list: their steps are loaded ahead, like their data. */
  aheadIds?: number[];
  draftVersionId: number | null;
  rightVersionId: number | null;
  onError: (message: string) => void;
  onSeek?: (seconds: number) => void;
}) {
  const { itemId, nextId, draftVersionId, rightVersionId, onError, onSeek } = opts;
  const [on, setOn] = useState(false);
  useEffect(() => {
    // localStorage is read after hydration, so the server render and the first client render agree.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- browser storage read after hydration (see above)
    if (window.localStorage.getItem(VIEW_KEY) === 'steps') setOn(true);
  }, []);
  const toggle = useCallback(() => {
    setOn((x) => {
      window.localStorage.setItem(VIEW_KEY, x ? 'text' : 'steps');
      return !x;
    });
  }, []);
  const stepsQ = useItemSteps(itemId, on);
  const qc = useQueryClient();
  const ahead = (opts.aheadIds ?? []).slice(0, 3).join(',');
  useEffect(() => {
    if (!on || ahead === '') return;
    for (const id of ahead.split(',')) void qc.prefetchQuery(itemStepsQueryOptions(Number(id)));
  }, [on, ahead, qc]);

  // The next item's steps load while this one is reviewed, like its data and media.
  useQuery({ ...itemStepsQueryOptions(nextId ?? 0), enabled: on && nextId !== null });
  const onErrorRef = useRef(onError);
  useEffect(() => {
    onErrorRef.current = onError;
  });
  const reportError = useCallback((m: string) => onErrorRef.current(`Step verdict not saved: ${m}`), []);
  const change = useChangeSteps(itemId, reportError);
  // For the next-item benchmark (bench/review-next-item.ts, BENCH_STEPS=1): this item's steps are shown.
  const stepsFor = on ? stepsQ.data?.itemId : undefined;
  useEffect(() => {
    if (stepsFor !== undefined) performance.mark(`review:steps:${stepsFor}`);
  }, [stepsFor]);
  const [cursorState, setCursor] = useState<Cursor | null>(null);
  const [noteFor, setNoteFor] = useState<{ versionId: number; index: number } | null>(null);

  const byVersion = useMemo(() => new Map((stepsQ.data?.versions ?? []).map((v) => [v.versionId, v])), [stepsQ.data]);
  const versionOf = useCallback((c: StepColumn) => byVersion.get((c === 'draft' ? draftVersionId : rightVersionId) ?? -1), [byVersion, draftVersionId, rightVersionId]);
  const defaultColumn: StepColumn = rightVersionId !== null ? 'right' : 'draft';
  const cursor: Cursor = useMemo(
    () => (cursorState && cursorState.itemId === itemId ? cursorState : { itemId, column: defaultColumn, index: 0 }),
    [cursorState, itemId, defaultColumn],
  );
  const current = versionOf(cursor.column);

  const select = useCallback(
    (column: StepColumn, index: number) => {
      setCursor({ itemId, column, index });
      const v = versionOf(column);
      const t = v?.steps[index]?.seconds[0];
      if (t !== undefined) onSeek?.(t);
      document.querySelector(`[data-step-column="${column}"] [data-step-index="${index}"]`)?.scrollIntoView({ block: 'nearest' });
    },
    [itemId, versionOf, onSeek],
  );
  const move = useCallback(
    (delta: number) => {
      const n = current?.steps.length ?? 0;
      if (n === 0) return;
      select(cursor.column, Math.max(0, Math.min(n - 1, cursor.index + delta)));
    },
    [current, cursor, select],
  );
  const send = useCallback(
    (c: StepChangeInput) => {
      if (!current) return;
      change(current.versionId, c);
    },
    [current, change],
  );
  const label = (value: -1 | 0 | 1 | null) => {
    if (!current) return;
    send({ op: 'label', stepIndex: cursor.index, label: value });
    if (value !== null && cursor.index + 1 < current.steps.length) move(1);
  };

  const hotkeys: HotkeyMap = on
    ? {
        t: toggle,
        ArrowDown: () => move(1),
        ArrowUp: () => move(-1),
        Tab: (e) => move(e.shiftKey ? -1 : 1),
        c: () => select(cursor.column === 'right' ? 'draft' : 'right', 0),
        '1': () => label(1),
        '0': () => label(0),
        '-': () => label(-1),
        Backspace: () => label(null),
        n: () => current && setNoteFor({ versionId: current.versionId, index: cursor.index }),
        x: () => send({ op: 'stop' }),
      }
    : { t: toggle };

  // The selected step's moments and the frames its evidence check used, for the frames strip.
  const selectedStep = current?.steps[cursor.index];
  const highlight = { moments: selectedStep?.seconds ?? [], frames: (selectedStep && current?.evidence.find((e) => e.stepIndex === cursor.index)?.frames) || [] };

  return {
    on,
    toggle,
    highlight,
    loading: on && stepsQ.isPending,
    error: stepsQ.isError ? stepsQ.error.message : null,
    cursor,
    select,
    versionOf,
    change,
    hotkeys,
    noteFor,
    closeNote: () => setNoteFor(null),
    openNote: (versionId: number, index: number) => setNoteFor({ versionId, index }),
    rejectPrefill: rejectPrefill(versionOf('right')) ?? rejectPrefill(versionOf('draft')),
  };
}

/** A wrong step pre-fills the reject dialog: "contradicts the video" and which step, with its note. */
export function rejectPrefill(v: VersionSteps | undefined): { reason: RejectReasonCode; note: string } | null {
  if (!v) return null;
  const wrong = v.verdicts.filter((x) => x.label === -1).sort((a, b) => a.stepIndex - b.stepIndex)[0];
  if (!wrong) return null;
  const n = v.steps.length;
  return { reason: 'contradicts-video', note: `Step ${wrong.stepIndex + 1} of ${n} is wrong${wrong.note ? `: ${wrong.note}` : ''}` };
}
