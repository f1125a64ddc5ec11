'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useRouter } from 'next/navigation';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReviewItem, ReviewVersion } from '@/lib/review/review-item';
import type { RejectReasonCode } from '@/lib/review/reject-reasons';
import { diffWords } from '@/lib/review/word-diff';
import { PlayerController } from '@/components/player/player-controller';
import { usePlayerValue } from '@/components/player/use-player-state';
import { MediaView } from '@/components/player/media-view';
import { MediaPreload } from '@/components/player/media-preload';
import { PlayerToolbar } from '@/components/player/player-toolbar';
import { TimelineTrack } from '@/components/player/timeline-track';
import { CaptionList } from '@/components/player/caption-list';
import { CotPanel, type PanelTab } from '@/components/cot/cot-panel';
import { CotText } from '@/components/cot/cot-text';
import { CotEditor } from '@/components/cot/cot-editor';
import { conflictItem } from '@/components/review/queries/conflict-item';
import { reviewKeys } from './queries/keys';
import { reviewItemQueryOptions, useReviewItem } from './queries/review-item';
import { itemNeighborsQueryOptions, useItemNeighbors, type Neighbors } from './queries/item-neighbors';
import { useDecideItem, type DecisionInput } from './queries/decide-item';
import { useUndoDecision } from './queries/undo-decision';
import { useSaveEdit } from './queries/save-edit';
import { clearEdit, findStoredEdit, storeEdit, type StoredEdit } from './edit-autosave';
import { useItemOps } from './use-item-ops';
import { useHotkeys } from './use-hotkeys';
import { useToasts, Toasts } from './toasts';
import { ReviewHeader } from './review-header';
import { QuestionCard } from './question-card';
import { ActionButton } from './action-bar';
import { HelpOverlay } from './help-overlay';
import { RejectDialog } from './reject-dialog';
import { EditConflictDialog } from './conflict-dialog';
import { HistoryDrawer } from './history-drawer';
import { describeChange } from './describe-change';
import { AcceptAnywayDialog } from './accept-anyway-dialog';
import { ClaimBanner } from './claim-banner';
import { claimNext } from './queries/queue';
import type { QueueOrder } from '@/lib/review-queue/queue-order';
import { useOpenEndedMinScore } from '@/components/cot/answer-threshold-context';
import { answerCheckFails } from '@/lib/answers/answer-check-rule';
import { useStepReview } from '@/components/steps/use-step-review';
import { StepColumnView, StepsToggle } from '@/components/steps/step-column';
import { FramesStrip } from '@/components/steps/frames-strip';
import { PoolPanel } from '@/components/rlpool/pool-panel';
import { GuidelinesPanel } from './guidelines-panel';
import { useActiveTime, type ActiveTimeOptions } from './use-active-time';
import { useListStep } from './use-list-step';

type EditorState = {
  itemId: number;
  column: 'draft' | 'right';
  baseVersionId: number;
  baseText: string;
  baseLabel: string;
  text: string;
  expectedRev: number;
  savedLocallyAt: number | null;
  restored: boolean;
};

type Dialog =
  | { kind: 'help' }
  | { kind: 'reject' }
  | { kind: 'history' }
  | { kind: 'conflict'; current: ReviewItem; accept: boolean }
  | { kind: 'acceptAnyway'; version: ReviewVersion; label: string }
  | null;

export type ReviewWorkspaceProps = {
  initialItem: ReviewItem;
  initialNeighbors: Neighbors;
  /** The list's filter in canonical URL form (dataset included), for the neighbors endpoint. */
  filterQuery: string;
  filterLabels: string[];
  /** "Next for me": J and every decision move through the reviewer's claimed queue, not the list. */
  queueMode?: boolean;
  /** The order "Next for me" serves items in (id, or riskiest first). */
  queueOrder?: QueueOrder;
  /** Active-time counting (idle window, cap), from the server's settings. */
  timing?: ActiveTimeOptions;
};

function idFromPath(pathname: string | null): number | null {
  const m = /^\/items\/(\d+)\/?$/.exec(pathname ?? '');
  return m ? Number(m[1]) : null;
}

const KIND_LABEL = { draft: 'draft', revision: 'revision', edit: 'edit', imported: 'imported CoT' } as const;

/** Tabs of the right-hand column: the revision, the newest edit, and an older accepted version. */
function rightTabs(item: ReviewItem): PanelTab[] {
  const tabs: PanelTab[] = [];
  if (item.revision) tabs.push({ key: 'revision', label: 'Revision', version: item.revision });
  if (item.latestEdit) tabs.push({ key: 'edit', label: item.revision ? 'Edit' : 'Edit', version: item.latestEdit });
  // An accepted version that is already a tab (the revision or the newest edit) shows its ACCEPTED badge there instead.
  if (item.accepted && item.accepted.id !== item.revision?.id && item.accepted.id !== item.latestEdit?.id) tabs.push({ key: 'accepted', label: `Accepted ${KIND_LABEL[item.accepted.kind]}`, version: item.accepted });
  // An imported CoT that a generated draft displaced stays one tab away (diffable against the draft).
  if (item.imported && item.imported.id !== item.accepted?.id) tabs.push({ key: 'imported', label: 'Imported', version: item.imported });
  return tabs;
}

function defaultRightTab(item: ReviewItem): string {
  if (item.latestEdit && item.acceptedVersionId === item.latestEdit.id) return 'edit';
  if (item.accepted) return 'accepted';
  if (item.latestEdit && (!item.revision || item.latestEdit.id > item.revision.id)) return 'edit';
  return 'revision';
}

/**
 * The review workspace: the video with its caption timeline beside the question and the two
 * CoTs, decisions on the keyboard. Moving between items is client-side (the URL follows via
 * history.pushState), with the next items' data and media prefetched, so a decision shows the
 * next item at once; the decision itself is saved in the background and reported if refused.
 */
export function ReviewWorkspace({ initialItem, initialNeighbors, filterQuery, filterLabels, queueMode = false, queueOrder = 'id', timing }: ReviewWorkspaceProps) {
  const router = useRouter();
  const qc = useQueryClient();
  // The item shown is local state, not the router's: moving on renders the cached next item in
  // the same task as the key press, and the URL follows with history.pushState.
  const [id, setId] = useState(initialItem.id);
  useEffect(() => {
    const onPop = () => {
      const fromUrl = idFromPath(window.location.pathname);
      if (fromUrl !== null) setId(fromUrl);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const itemQ = useReviewItem(id, initialItem);
  const item = itemQ.data;
  const neighborsQ = useItemNeighbors(id, filterQuery, { id: initialItem.id, data: initialNeighbors });
  const nextId = neighborsQ.data?.next[0] ?? null;
  const prevId = neighborsQ.data?.previous[0] ?? null;
  // The next item's data doubles as the prefetch; its media is warmed below.
  const nextItemQ = useQuery({ ...reviewItemQueryOptions(nextId ?? 0), enabled: nextId !== null });

  useEffect(() => {
    const n = neighborsQ.data;
    if (!n) return;
    for (const nid of [...n.next.slice(1), ...n.previous.slice(0, 1)]) void qc.prefetchQuery(reviewItemQueryOptions(nid));
    if (n.next[0] !== undefined) void qc.prefetchQuery(itemNeighborsQueryOptions(n.next[0], filterQuery));
  }, [neighborsQ.data, qc, filterQuery]);

  const listHref = useMemo(() => {
    const p = new URLSearchParams(filterQuery);
    return `/items?${p.toString()}`;
  }, [filterQuery]);

  // ---- player
  const [controller] = useState(() => new PlayerController());
  useEffect(() => () => controller.dispose(), [controller]);

  const goTo = useCallback(
    (nextItemId: number) => {
      // Start the next video before React renders: its metadata is usually in the cache already.
      const cached = qc.getQueryData<ReviewItem>(reviewKeys.item(nextItemId));
      if (cached?.dataType === 'video') controller.load(cached.id, cached.media.src, cached.media.type, { fps: cached.video?.fps ?? null, durationSec: cached.video?.durationSec ?? null });
      flushSync(() => setId(nextItemId));
      window.history.pushState(null, '', `/items/${nextItemId}${window.location.search}`);
    },
    [qc, controller],
  );
  const readySrc = usePlayerValue(controller, (s) => s.readySrc);
  const [imageReadySrc, setImageReadySrc] = useState<string | null>(null);
  const isVideo = item?.dataType === 'video';
  useEffect(() => {
    if (!item) return;
    if (item.dataType === 'video') controller.load(item.id, item.media.src, item.media.type, { fps: item.video?.fps ?? null, durationSec: item.video?.durationSec ?? null });
    else controller.pause();
    // Only a new item (or new media) reloads the player.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [item?.id, item?.media.src, controller]);
  const seek = useCallback((t: number) => controller.seek(t), [controller]);
  // The next item's video loads in the off-screen player while this one is reviewed.
  const nextMedia = nextItemQ.data?.dataType === 'video' ? nextItemQ.data.media : null;
  useEffect(() => {
    if (nextMedia) controller.preload(nextMedia.src, nextMedia.type);
  }, [controller, nextMedia?.src, nextMedia?.type]); // eslint-disable-line react-hooks/exhaustive-deps
  const mediaReady = !!item && (item.dataType === 'image' ? imageReadySrc === item.media.src : readySrc === item.media.src);

  // Marks for the next-item benchmark (bench/review-next-item.ts): data shown, media usable.
  useEffect(() => {
    if (item) performance.mark(`review:data:${item.id}`);
  }, [item?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (item && mediaReady) performance.mark(`review:media:${item.id}`);
  }, [item?.id, mediaReady]); // eslint-disable-line react-hooks/exhaustive-deps

  // ---- view state
  const [diffOn, setDiffOn] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [tabFor, setTabFor] = useState<{ itemId: number; key: string } | null>(null);
  const tabs = item ? rightTabs(item) : [];
  const activeTab = item && tabFor?.itemId === item.id && tabs.some((t) => t.key === tabFor.key) ? tabFor.key : item ? defaultRightTab(item) : 'revision';
  const rightVersion: ReviewVersion | null = tabs.find((t) => t.key === activeTab)?.version ?? tabs[0]?.version ?? null;
  const draft = item?.draft ?? null;
  const diffOps = useMemo(() => (diffOn && draft && rightVersion ? diffWords(draft.text, rightVersion.text) : null), [diffOn, draft, rightVersion]);

  // ---- toasts, ops, mutations
  const { toasts, push: toast, dismiss } = useToasts();
  const { chain, remember, popLast } = useItemOps();
  const decideMut = useDecideItem();
  const undoMut = useUndoDecision();
  const saveMut = useSaveEdit();
  const steps = useStepReview({ itemId: id, nextId, aheadIds: neighborsQ.data?.next, draftVersionId: draft?.id ?? null, rightVersionId: rightVersion?.id ?? null, onError: (text) => toast({ tone: 'error', text }), onSeek: isVideo ? seek : undefined });
  const currentId = useRef(id);
  useEffect(() => {
    currentId.current = id;
  }, [id]);
  const activeTime = useActiveTime(id, timing);
  const step = useListStep({ id, filterQuery, neighbors: neighborsQ.data, qc, goTo, currentId });
  const [guidelinesOpen, setGuidelinesOpen] = useState(false);

  const reportFailure = useCallback(
    (e: unknown, itemId: number, problemId: string, label: string) => {
      const current = conflictItem(e);
      const why = current ? `${describeChange(current)}` : e instanceof Error ? e.message : String(e);
      toast({
        tone: 'error',
        text: `Not saved — ${label.toLowerCase()} on ${problemId}: ${why}`,
        action: currentId.current !== itemId ? { label: 'Open it', onClick: () => goTo(itemId) } : undefined,
      });
    },
    [toast, goTo],
  );

  // Queue mode: the next item is claimed from the reviewer's queue; J passes the current one over.
  const passedOver = useRef<number[]>([]);
  const [queueLeft, setQueueLeft] = useState<number | null>(null);
  // After a decision the item is left claimed: the decision (saved in the background) ends the
  // claim, so nobody else is handed it before the vote is in. J passes over and releases it.
  const queueNext = useCallback(
    async (passOver: boolean) => {
      passedOver.current.push(id);
      try {
        const r = await claimNext({ release: passOver ? id : undefined, exclude: passedOver.current, order: queueOrder });
        setQueueLeft(r.remaining);
        if (r.claim) goTo(r.claim.itemId);
        else toast({ tone: 'info', text: 'Your queue is empty: nothing left for you to review.', action: { label: 'Back to the list', onClick: () => router.push(listHref) } });
      } catch (e) {
        toast({ tone: 'error', text: `Could not get the next item: ${e instanceof Error ? e.message : String(e)}` });
      }
    },
    [id, goTo, toast, router, listHref, queueOrder],
  );

  const advance = useCallback(async () => {
    if (queueMode) return queueNext(false);
    let next = nextId;
    if (next === null && (neighborsQ.isPending || neighborsQ.isPlaceholderData)) next = (await qc.fetchQuery(itemNeighborsQueryOptions(id, filterQuery))).next[0] ?? null;
    if (next !== null) goTo(next);
    else toast({ tone: 'info', text: 'That was the last item in this list.', action: { label: 'Back to the list', onClick: () => router.push(listHref) } });
  }, [queueMode, queueNext, nextId, neighborsQ.isPending, neighborsQ.isPlaceholderData, qc, id, filterQuery, goTo, toast, router, listHref]);

  const undoRef = useRef<() => void>(() => {});

  const decide = useCallback(
    (decision: DecisionInput, label: string) => {
      if (!item) return;
      const { id: itemId, problemId } = item;
      const activeMs = activeTime.take(itemId);
      const saved = chain(itemId, async () => {
        const current = qc.getQueryData<ReviewItem>(reviewKeys.item(itemId)) ?? item;
        await decideMut.mutateAsync({ itemId, expectedRev: current.rev, decision, activeMs });
        return true;
      }).catch((e: unknown) => {
        reportFailure(e, itemId, problemId, label);
        return false;
      });
      remember(itemId, label, saved);
      toast({ tone: 'success', text: `${label} · ${problemId}`, action: { label: 'Undo  U', onClick: () => undoRef.current() } });
      void advance();
    },
    [item, chain, qc, decideMut, reportFailure, remember, toast, advance, activeTime],
  );

  const undo = useCallback(() => {
    const entry = popLast();
    const target = entry?.itemId ?? (item?.lastDecision ? item.id : null);
    if (target === null) {
      toast({ tone: 'info', text: 'Nothing to undo.' });
      return;
    }
    if (target !== currentId.current) goTo(target);
    void chain(target, async () => {
      if (entry && !(await entry.saved)) {
        toast({ tone: 'info', text: `Nothing to undo: “${entry.label}” was not saved.` });
        return;
      }
      const current = qc.getQueryData<ReviewItem>(reviewKeys.item(target)) ?? (await qc.fetchQuery(reviewItemQueryOptions(target)));
      if (!current.lastDecision) {
        toast({ tone: 'info', text: 'Nothing to undo on this item.' });
        return;
      }
      try {
        const res = await undoMut.mutateAsync({ itemId: target, expectedRev: current.rev });
        toast({ tone: 'success', text: `Undone: ${entry?.label ?? current.lastDecision.status} · ${res.item.problemId} is ${res.item.reviewStatus} again` });
      } catch (e) {
        reportFailure(e, target, current.problemId, 'Undo');
      }
    });
  }, [popLast, item, toast, goTo, chain, qc, undoMut, reportFailure]);
  useEffect(() => {
    undoRef.current = undo;
  }, [undo]);

  // A CoT whose answer check fails is accepted only through the "accept anyway?" step.
  const minScore = useOpenEndedMinScore();
  const answerFails = useCallback((v: ReviewVersion) => !!item && answerCheckFails(v, item.problemType, minScore), [item, minScore]);

  const acceptRight = useCallback(() => {
    if (!rightVersion) {
      toast({ tone: 'info', text: 'There is no revision to accept yet: accept the draft (D) or edit it (Shift+E).' });
      return;
    }
    if (rightVersion.formatOk === false) {
      toast({ tone: 'error', text: `The ${KIND_LABEL[rightVersion.kind]} fails the format check; edit it (E) to accept.` });
      return;
    }
    if (answerFails(rightVersion)) setDialog({ kind: 'acceptAnyway', version: rightVersion, label: KIND_LABEL[rightVersion.kind] });
    else decide({ action: 'accept', versionId: rightVersion.id }, `Accepted ${KIND_LABEL[rightVersion.kind]}`);
  }, [rightVersion, decide, toast, answerFails]);

  const acceptDraft = useCallback(() => {
    if (!draft) return;
    if (draft.formatOk === false) {
      toast({ tone: 'error', text: 'The draft fails the format check; edit it (Shift+E) to accept.' });
      return;
    }
    if (answerFails(draft)) setDialog({ kind: 'acceptAnyway', version: draft, label: KIND_LABEL[draft.kind] });
    else decide({ action: 'accept', versionId: draft.id }, draft.kind === 'imported' ? 'Accepted imported CoT' : 'Accepted draft');
  }, [draft, decide, toast, answerFails]);

  const skip = useCallback(() => {
    if (!item) return;
    if (item.reviewStatus === 'pending') decide({ action: 'skip' }, 'Skipped');
    else {
      toast({ tone: 'info', text: `${item.problemId} is already ${item.reviewStatus}: left as it is.` });
      void advance();
    }
  }, [item, decide, advance, toast]);

  const reject = useCallback(
    (reason: RejectReasonCode, note: string) => {
      setDialog(null);
      decide({ action: 'reject', reason, note: note.trim() || undefined }, 'Rejected');
    },
    [decide],
  );

  // ---- editing (autosaved locally until the server has it)
  const [editor, setEditor] = useState<EditorState | null>(null);
  const [showChanges, setShowChanges] = useState(false);
  const [storedEdit, setStoredEdit] = useState<StoredEdit | null>(null);
  const [saving, setSaving] = useState(false);

  const versionById = useCallback(
    (vid: number): ReviewVersion | null => [item?.draft, item?.revision, item?.latestEdit, item?.accepted].find((v) => v?.id === vid) ?? null,
    [item],
  );

  const openEditor = useCallback(
    (base: ReviewVersion, stored: StoredEdit | null) => {
      if (!item) return;
      const useStored = stored && stored.baseVersionId === base.id ? stored : null;
      setShowChanges(false);
      setEditor({
        itemId: item.id,
        column: base.id === item.draft?.id ? 'draft' : 'right',
        baseVersionId: base.id,
        baseText: base.text,
        baseLabel: `${KIND_LABEL[base.kind]} #${base.id}`,
        text: useStored ? useStored.text : base.text,
        expectedRev: useStored ? useStored.expectedRev : item.rev,
        savedLocallyAt: useStored ? useStored.updatedAt : null,
        restored: !!useStored,
      });
    },
    [item],
  );

  // Arriving on an item: close another item's editor (it is stored), reopen this item's unsaved edit.
  const loadedId = item?.id;
  useEffect(() => {
    if (loadedId === undefined) return;
    // localStorage is only readable after hydration, hence an effect rather than render-time state.
    const stored = findStoredEdit(loadedId);
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setStoredEdit(stored);
    setEditor((ed) => (ed && ed.itemId !== loadedId ? null : ed));
    if (stored) {
      const base = versionById(stored.baseVersionId) ?? { ...(item!.revision ?? item!.draft!), id: stored.baseVersionId, text: '' };
      openEditor(base, stored);
    }
    // Only on arrival: later changes to the item must not reset an open editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loadedId]);

  const startEdit = useCallback(
    (column: 'draft' | 'right') => {
      if (!item) return;
      if (editor) return;
      const base = column === 'right' ? (rightVersion ?? item.draft) : (item.draft ?? rightVersion);
      if (!base) return;
      openEditor(base, findStoredEdit(item.id));
    },
    [item, editor, rightVersion, openEditor],
  );

  const changeText = useCallback((text: string) => {
    setEditor((ed) => {
      if (!ed) return ed;
      const savedLocallyAt = storeEdit({ itemId: ed.itemId, baseVersionId: ed.baseVersionId, expectedRev: ed.expectedRev, text });
      return { ...ed, text, savedLocallyAt };
    });
  }, []);

  const closeEditor = useCallback(() => {
    setEditor((ed) => {
      if (ed) setStoredEdit(findStoredEdit(ed.itemId));
      return null;
    });
  }, []);

  const discardEdit = useCallback(() => {
    if (!editor) return;
    if (editor.text !== editor.baseText && !window.confirm('Discard your edit? It has not been saved.')) return;
    clearEdit(editor.itemId, editor.baseVersionId);
    setStoredEdit(null);
    setEditor(null);
  }, [editor]);

  const saveEdit = useCallback(
    (accept: boolean, expectedRevOverride?: number) => {
      const ed = editor;
      if (!ed || saving) return;
      const expectedRev = expectedRevOverride ?? ed.expectedRev;
      const problemId = item?.problemId ?? String(ed.itemId);
      setSaving(true);
      const activeMs = accept ? activeTime.take(ed.itemId) : undefined;
      const saved = chain(ed.itemId, async () => {
        try {
          const res = await saveMut.mutateAsync({ itemId: ed.itemId, baseVersionId: ed.baseVersionId, expectedRev, text: ed.text, accept, activeMs });
          clearEdit(ed.itemId, ed.baseVersionId);
          setStoredEdit(null);
          setEditor(null);
          setDialog(null);
          setTabFor({ itemId: ed.itemId, key: 'edit' });
          toast({ tone: 'success', text: accept ? `Saved and accepted edit · ${problemId}` : `Saved as version #${res.versionId} · ${problemId}` });
          if (accept && currentId.current === ed.itemId) void advance();
          return accept;
        } catch (e) {
          const current = conflictItem(e);
          if (current) setDialog({ kind: 'conflict', current, accept });
          else toast({ tone: 'error', text: `Not saved: ${e instanceof Error ? e.message : String(e)}. Your text is kept here and locally.` });
          return false;
        } finally {
          setSaving(false);
        }
      });
      if (accept) remember(ed.itemId, 'Accepted edit', saved);
    },
    [editor, saving, item, chain, saveMut, toast, advance, remember, activeTime],
  );

  const keepEditingAfterConflict = useCallback(() => {
    if (dialog?.kind !== 'conflict') return;
    const rev = dialog.current.rev;
    setEditor((ed) => {
      if (!ed) return ed;
      const savedLocallyAt = storeEdit({ itemId: ed.itemId, baseVersionId: ed.baseVersionId, expectedRev: rev, text: ed.text });
      return { ...ed, expectedRev: rev, savedLocallyAt };
    });
    setDialog(null);
  }, [dialog]);

  // ---- keyboard
  const modalOpen = dialog !== null && dialog.kind !== 'history';
  const ready = !!item && !itemQ.isPlaceholderData;
  useHotkeys(
    {
      a: () => ready && !editor && acceptRight(),
      d: () => ready && !editor && acceptDraft(),
      e: () => (editor ? document.querySelector<HTMLTextAreaElement>('[data-testid="editor-text"]')?.focus() : startEdit('right')),
      E: () => !editor && startEdit('draft'),
      r: () => ready && !editor && setDialog({ kind: 'reject' }),
      s: () => ready && !editor && skip(),
      u: () => undo(),
      j: () => (queueMode ? void queueNext(true) : void step('next')),
      k: () => void step('previous'),
      g: () => setGuidelinesOpen((x) => !x),
      v: () => setDiffOn((x) => !x),
      h: () => setDialog((d) => (d?.kind === 'history' ? null : { kind: 'history' })),
      '?': () => setDialog({ kind: 'help' }),
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
      ...steps.hotkeys,
    },
    !modalOpen,
  );

  // ---- render
  const durationSec = usePlayerValue(controller, (s) => s.duration);
  const seekFn = isVideo ? seek : undefined;
  const editorNode = editor && item && editor.itemId === item.id && (
    <CotEditor
      text={editor.text}
      baseText={editor.baseText}
      baseLabel={editor.baseLabel}
      problemType={item.problemType}
      solution={item.solution}
      savedLocallyAt={editor.savedLocallyAt}
      saving={saving}
      showChanges={showChanges}
      restored={editor.restored}
      onChange={changeText}
      onSave={(accept) => saveEdit(accept)}
      onClose={closeEditor}
      onDiscard={discardEdit}
      onToggleChanges={() => setShowChanges((x) => !x)}
    />
  );
  const editingDraft = !!editorNode && editor?.column === 'draft';
  const editingRight = !!editorNode && editor?.column === 'right';
  // An imported CoT holds the draft's place when no draft was generated: labelled as what it is.
  const draftTabs: PanelTab[] = draft ? [{ key: 'draft', label: draft.kind === 'imported' ? 'Imported' : 'Draft', version: draft }] : [];
  const rightLabel = rightVersion ? KIND_LABEL[rightVersion.kind] : 'revision';
  const status = item?.reviewStatus;

  return (
    <div
      className="flex h-[calc(100dvh-5rem)] min-h-[540px] flex-col gap-2"
      data-testid="review-workspace"
      data-item-id={id}
      data-ready={ready && mediaReady ? 'true' : 'false'}
      data-media-ready={mediaReady ? 'true' : 'false'}
    >
      <ReviewHeader
        item={item}
        itemId={id}
        listHref={listHref}
        filterLabels={filterLabels}
        prevId={prevId}
        nextId={nextId}
        diffOn={diffOn}
        hasStoredEdit={!!storedEdit && !editor}
        onPrev={() => prevId !== null && goTo(prevId)}
        onNext={() => nextId !== null && goTo(nextId)}
        onToggleDiff={() => setDiffOn((x) => !x)}
        onHistory={() => setDialog({ kind: 'history' })}
        onHelp={() => setDialog({ kind: 'help' })}
        guidelinesOpen={guidelinesOpen}
        onGuidelines={() => setGuidelinesOpen((x) => !x)}
        onResumeEdit={() => {
          if (!item || !storedEdit) return;
          openEditor(versionById(storedEdit.baseVersionId) ?? { ...(item.revision ?? item.draft!), id: storedEdit.baseVersionId, text: '' }, storedEdit);
        }}
      />

      <ClaimBanner itemId={id} queueMode={queueMode} order={queueOrder} remaining={queueLeft} />

      <div className="grid min-h-0 flex-1 grid-cols-[minmax(360px,5fr)_minmax(0,7fr)] gap-3">
        <div className="flex min-h-0 flex-col gap-2">
          <div className={`space-y-1.5 rounded-lg border border-slate-200 bg-white p-2 ${isVideo ? '' : 'min-h-0 flex-1'}`}>
            <MediaView controller={controller} dataType={item?.dataType ?? 'video'} src={item?.media.src ?? ''} onImageReady={setImageReadySrc} />
            {isVideo && <TimelineTrack controller={controller} representation={item?.representation ?? null} />}
            {isVideo && <PlayerToolbar controller={controller} />}
            {item?.video?.probeError && <p className="text-xs text-amber-700">The video could not be probed: {item.video.probeError}</p>}
          </div>
          {isVideo && (
            <section className="flex min-h-0 flex-1 flex-col rounded-lg border border-slate-200 bg-white">
              <h2 className="border-b border-slate-100 px-3 py-1.5 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">Representation · frame captions</h2>
              <CaptionList controller={controller} representation={item?.representation ?? null} />
            </section>
          )}
        </div>

        <div className="flex min-h-0 min-w-0 flex-col gap-2">
          {item?.staleReason && (
            <p className="rounded border border-amber-300 bg-amber-50 px-3 py-1 text-xs text-amber-900" data-testid="stale-reason">
              Back to pending: {item.staleReason}
            </p>
          )}
          {item ? <QuestionCard item={item} /> : <div className="h-32 animate-pulse rounded-lg bg-slate-200/60" />}
          {steps.on && item && <FramesStrip itemId={item.id} highlight={steps.highlight} onSeek={seekFn} />}
          {item && <PoolPanel itemId={item.id} />}
          {item ? (
            <div className={`grid min-h-0 flex-1 gap-2 ${editingDraft ? 'grid-cols-[3fr_2fr]' : editingRight ? 'grid-cols-[2fr_3fr]' : 'grid-cols-2'}`}>
              <CotPanel
                testId="draft-panel"
                tabs={draftTabs}
                active="draft"
                emptyLabel="Draft"
                emptyText="No draft yet: run the draft stage for this item."
                acceptedVersionId={item.acceptedVersionId}
                problemType={item.problemType}
                editing={editingDraft}
                tools={
                  draft && !editor ? (
                    <button type="button" onClick={() => startEdit('draft')} className="rounded px-1.5 py-0.5 text-[11px] text-slate-500 hover:bg-slate-100 hover:text-slate-900" title="Edit the draft (Shift+E)">
                      Edit
                    </button>
                  ) : null
                }
              >
                {editingDraft ? (
                  editorNode
                ) : (
                  <div className="min-h-0 flex-1 overflow-y-auto px-4 py-3">
                    {draft && (steps.on ? <StepColumnView steps={steps} column="draft" text={draft.text} onSeek={seekFn} durationSec={durationSec} /> : <CotText text={draft.text} onSeek={seekFn} durationSec={durationSec} diff={diffOps ? { ops: diffOps, side: 'old' } : null} />)}
                  </div>
                )}
              </CotPanel>
              <CotPanel
                testId="revision-panel"
                tabs={tabs}
                active={activeTab}
                onTab={(key) => setTabFor({ itemId: item.id, key })}
                emptyLabel="Revision"
                emptyText="No revision yet: run the revise stage for this item."
                acceptedVersionId={item.acceptedVersionId}
                problemType={item.problemType}
                editing={editingRight}
                tools={
                  rightVersion && !editor ? (
                    <button type="button" onClick={() => startEdit('right')} className="rounded px-1.5 py-0.5 text-[11px] text-slate-500 hover:bg-slate-100 hover:text-slate-900" title={`Edit the ${rightLabel} (E)`}>
                      Edit
                    </button>
                  ) : null
                }
              >
                {editingRight ? (
                  editorNode
                ) : (
                  <div className="min-h-0 flex-1 overflow-y-auto px-4 py-3">
                    {rightVersion && (steps.on ? <StepColumnView steps={steps} column="right" text={rightVersion.text} onSeek={seekFn} durationSec={durationSec} /> : <CotText text={rightVersion.text} onSeek={seekFn} durationSec={durationSec} diff={diffOps ? { ops: diffOps, side: 'new' } : null} />)}
                  </div>
                )}
              </CotPanel>
            </div>
          ) : (
            <div className="flex min-h-0 flex-1 items-center justify-center rounded-lg border border-slate-200 bg-white text-sm text-slate-400">
              {itemQ.isError ? `Could not load item ${id}: ${itemQ.error.message}` : `Loading item ${id}…`}
            </div>
          )}
        </div>
      </div>

      <div className="flex h-11 shrink-0 items-center gap-1.5 rounded-lg border border-slate-200 bg-white px-2" data-testid="action-bar">
        <ActionButton
          label={`Accept ${rightLabel}`}
          keyHint="A"
          tone="primary"
          onClick={acceptRight}
          disabled={!ready || !rightVersion || !!editor}
          title={rightVersion?.formatOk === false ? 'Fails the format check: edit it first' : `Accept the ${rightLabel} and go to the next item`}
          testId="accept-right"
        />
        <ActionButton label={draft?.kind === 'imported' ? 'Accept imported' : 'Accept draft'} keyHint="D" onClick={acceptDraft} disabled={!ready || !draft || !!editor} testId="accept-draft" />
        <ActionButton label="Edit" keyHint="E" onClick={() => startEdit('right')} disabled={!ready || (!rightVersion && !draft) || !!editor} title="Edit the right-hand CoT (Shift+E: the draft)" testId="edit" />
        <ActionButton label="Reject…" keyHint="R" tone="danger" onClick={() => setDialog({ kind: 'reject' })} disabled={!ready || !!editor} testId="reject" />
        <ActionButton label="Skip" keyHint="S" tone="plain" onClick={skip} disabled={!ready || !!editor} title="Decide later: marks a pending item skipped and moves on" testId="skip" />
        <span className="mx-1 h-5 w-px bg-slate-200" />
        <ActionButton label="Undo" keyHint="U" tone="plain" onClick={undo} title="Take back the last decision" testId="undo" />
        <StepsToggle steps={steps} />
        {toasts.length > 0 && <Toasts toasts={toasts} dismiss={dismiss} />}
        <span className={`ml-auto truncate text-xs text-slate-500 ${toasts.length > 0 ? 'hidden' : ''}`} data-testid="decision-summary">
          {item && status !== 'pending'
            ? `${status === 'accepted' ? `Accepted ${item.acceptedVersionId === draft?.id ? 'draft' : item.acceptedVersionId === item.revision?.id ? 'revision' : `version #${item.acceptedVersionId}`}` : status === 'rejected' ? `Rejected${item.lastDecision?.reason ? ` — ${item.lastDecision.reason}` : ''}` : 'Skipped'}`
            : item
              ? 'Pending — a decision moves to the next item'
              : ''}
        </span>
      </div>

      {nextItemQ.data?.dataType === 'image' && <MediaPreload src={nextItemQ.data.media.src} />}
      {guidelinesOpen && item && <GuidelinesPanel datasetId={item.datasetId} onClose={() => setGuidelinesOpen(false)} />}
      {dialog?.kind === 'help' && (
        <HelpOverlay
          onClose={() => setDialog(null)}
          onGuidelines={() => {
            setDialog(null);
            setGuidelinesOpen(true);
          }}
        />
      )}
      {dialog?.kind === 'acceptAnyway' && item && (
        <AcceptAnywayDialog
          item={item}
          version={dialog.version}
          label={dialog.label}
          onClose={() => setDialog(null)}
          onAccept={(reason) => {
            setDialog(null);
            decide({ action: 'accept', versionId: dialog.version.id, acceptAnyway: true, reason }, `Accepted ${dialog.label} anyway`);
          }}
        />
      )}
      {dialog?.kind === 'reject' && <RejectDialog onReject={reject} onClose={() => setDialog(null)} initial={steps.rejectPrefill?.reason} initialNote={steps.rejectPrefill?.note} />}
      {dialog?.kind === 'history' && item && <HistoryDrawer itemId={item.id} problemType={item.problemType} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'conflict' && editor && (
        <EditConflictDialog
          current={dialog.current}
          mine={editor.text}
          accept={dialog.accept}
          onSaveMine={() => {
            const rev = dialog.current.rev;
            setEditor((ed) => (ed ? { ...ed, expectedRev: rev } : ed));
            saveEdit(dialog.accept, rev);
          }}
          onTakeTheirs={() => {
            clearEdit(editor.itemId, editor.baseVersionId);
            setStoredEdit(null);
            setEditor(null);
            setDialog(null);
            setTabFor({ itemId: editor.itemId, key: dialog.current.latestEdit ? 'edit' : 'revision' });
          }}
          onKeepEditing={keepEditingAfterConflict}
        />
      )}
    </div>
  );
}
