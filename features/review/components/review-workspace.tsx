'use client';

import { useCallback, useMemo, useState } from 'react';
import { useRouter } from 'next/navigation';
import type { ReviewItem } from '@/lib/review/review-item';
import type { QueueOrder } from '@/lib/review-queue/queue-order';
import { diffWords } from '@/lib/review/word-diff';
import { MediaPreload } from '@/components/player/media-preload';
import { CotEditor } from '@/components/cot/cot-editor';
import { useStepReview } from '@/features/review/hooks/use-step-review';
import { FramesStrip } from '@/features/review/components/frames-strip';
import { PoolPanel } from '@/components/rlpool/pool-panel';
import type { Neighbors } from '@/features/review/api/item-neighbors';
import { useItemOps } from '@/features/review/hooks/use-item-ops';
import { useToasts } from '@/features/review/components/toasts';
import { ReviewHeader } from '@/features/review/components/review-header';
import { QuestionCard } from '@/components/review/question-card';
import { ClaimBanner } from '@/features/review/components/claim-banner';
import { GuidelinesPanel } from '@/features/review/components/guidelines-panel';
import { useActiveTime, type ActiveTimeOptions } from '@/features/review/hooks/use-active-time';
import { useListStep } from '@/features/review/hooks/use-list-step';
import { useRightColumn } from '@/features/review/hooks/right-column';
import { usePlayerController, useReviewPlayer } from '@/features/review/hooks/use-review-player';
import { useReviewNavigation } from '@/features/review/hooks/use-review-navigation';
import { useReviewQueue } from '@/features/review/hooks/use-review-queue';
import { useDecisions } from '@/features/review/hooks/use-decisions';
import { useCotEditor } from '@/features/review/hooks/use-cot-editor';
import { useReviewHotkeys } from '@/features/review/hooks/use-review-hotkeys';
import { ReviewDialogs, dialogTakesKeys, type Dialog } from '@/features/review/components/review-dialogs';
import { MediaColumn } from '@/features/review/components/media-column';
import { CotColumns } from '@/features/review/components/cot-columns';
import { ReviewActionBar } from '@/features/review/components/review-action-bar';

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

/**
 * The review workspace: the video with its caption timeline beside the question and the two
 * CoTs, decisions on the keyboard. Moving between items is client-side (use-review-navigation),
 * with the next items' data and media prefetched, so a decision shows the next item at once; the
 * decision itself is saved in the background and reported if refused (use-decisions). This
 * component only wires the hooks to the parts.
 */
export function ReviewWorkspace({ initialItem, initialNeighbors, filterQuery, filterLabels, queueMode = false, queueOrder = 'id', timing }: ReviewWorkspaceProps) {
  const router = useRouter();
  const controller = usePlayerController();
  const nav = useReviewNavigation({ initialItem, initialNeighbors, filterQuery, controller });
  const { id, item, goTo, currentId } = nav;
  const player = useReviewPlayer(controller, item, nav.nextItem);

  // ---- view state
  const [diffOn, setDiffOn] = useState(false);
  const [guidelinesOpen, setGuidelinesOpen] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const right = useRightColumn(item);
  const rightVersion = right.rightVersion;
  const draft = item?.draft ?? null;
  const diffOps = useMemo(() => (diffOn && draft && rightVersion ? diffWords(draft.text, rightVersion.text) : null), [diffOn, draft, rightVersion]);

  // ---- moving on: the list's next item, or the reviewer's queue
  const { toasts, push: toast, dismiss } = useToasts();
  const backToList = useCallback(() => router.push(nav.listHref), [router, nav.listHref]);
  const queue = useReviewQueue({ id, order: queueOrder, goTo, toast, onEmpty: backToList });
  const { queueNext } = queue;
  const { nextInList } = nav;
  const advance = useCallback(async () => {
    if (queueMode) return queueNext(false);
    const next = await nextInList();
    if (next !== null) goTo(next);
    else toast({ tone: 'info', text: 'That was the last item in this list.', action: { label: 'Back to the list', onClick: backToList } });
  }, [queueMode, queueNext, nextInList, goTo, toast, backToList]);
  const step = useListStep({ id, filterQuery, neighbors: nav.neighbors, qc: nav.qc, goTo, currentId });

  // ---- decisions, edits, steps
  const ops = useItemOps();
  const activeTime = useActiveTime(id, timing);
  const shared = { item, rightVersion, ops, currentId, advance, takeActiveMs: activeTime.take, toast, setDialog };
  const decisions = useDecisions({ ...shared, draft, goTo });
  const edit = useCotEditor({ ...shared, dialog, showTab: right.showTab });
  const editing = edit.editor !== null;
  const steps = useStepReview({
    itemId: id,
    nextId: nav.nextId,
    aheadIds: nav.neighbors?.next,
    draftVersionId: draft?.id ?? null,
    rightVersionId: rightVersion?.id ?? null,
    onError: (text) => toast({ tone: 'error', text }),
    onSeek: player.seek,
  });

  const ready = !!item && !nav.itemQ.isPlaceholderData;
  useReviewHotkeys({
    enabled: !dialogTakesKeys(dialog),
    ready,
    editing,
    isVideo: player.isVideo,
    controller,
    acceptRight: decisions.acceptRight,
    acceptDraft: decisions.acceptDraft,
    startEdit: edit.start,
    reject: () => setDialog({ kind: 'reject' }),
    skip: decisions.skip,
    undo: decisions.undo,
    next: () => (queueMode ? void queueNext(true) : void step('next')),
    previous: () => void step('previous'),
    toggleGuidelines: () => setGuidelinesOpen((x) => !x),
    toggleDiff: () => setDiffOn((x) => !x),
    toggleHistory: () => setDialog((d) => (d?.kind === 'history' ? null : { kind: 'history' })),
    help: () => setDialog({ kind: 'help' }),
    steps: steps.hotkeys,
  });

  // ---- render
  const ed = edit.shownEditor;
  const editorNode = ed && item && (
    <CotEditor
      text={ed.text}
      baseText={ed.baseText}
      baseLabel={ed.baseLabel}
      problemType={item.problemType}
      solution={item.solution}
      savedLocallyAt={ed.savedLocallyAt}
      saving={edit.saving}
      showChanges={edit.showChanges}
      restored={ed.restored}
      onChange={edit.changeText}
      onSave={(accept) => edit.save(accept)}
      onClose={edit.close}
      onDiscard={edit.discard}
      onToggleChanges={edit.toggleChanges}
    />
  );

  return (
    <div
      className="flex h-[calc(100dvh-5rem)] min-h-[540px] flex-col gap-2"
      data-testid="review-workspace"
      data-item-id={id}
      data-ready={ready && player.mediaReady ? 'true' : 'false'}
      data-media-ready={player.mediaReady ? 'true' : 'false'}
    >
      <ReviewHeader
        item={item}
        itemId={id}
        listHref={nav.listHref}
        filterLabels={filterLabels}
        prevId={nav.prevId}
        nextId={nav.nextId}
        diffOn={diffOn}
        hasStoredEdit={!!edit.storedEdit && !editing}
        onPrev={() => nav.prevId !== null && goTo(nav.prevId)}
        onNext={() => nav.nextId !== null && goTo(nav.nextId)}
        onToggleDiff={() => setDiffOn((x) => !x)}
        onHistory={() => setDialog({ kind: 'history' })}
        onHelp={() => setDialog({ kind: 'help' })}
        guidelinesOpen={guidelinesOpen}
        onGuidelines={() => setGuidelinesOpen((x) => !x)}
        onResumeEdit={() => edit.storedEdit && edit.resume(edit.storedEdit)}
      />

      <ClaimBanner itemId={id} queueMode={queueMode} order={queueOrder} remaining={queue.remaining} />

      <div className="grid min-h-0 flex-1 grid-cols-[minmax(360px,5fr)_minmax(0,7fr)] gap-3">
        <MediaColumn item={item} controller={controller} isVideo={player.isVideo} onImageReady={player.setImageReadySrc} />

        <div className="flex min-h-0 min-w-0 flex-col gap-2">
          {item?.staleReason && (
            <p className="rounded border border-amber-300 bg-amber-50 px-3 py-1 text-xs text-amber-900" data-testid="stale-reason">
              Back to pending: {item.staleReason}
            </p>
          )}
          {item ? <QuestionCard item={item} /> : <div className="h-32 animate-pulse rounded-lg bg-slate-200/60" />}
          {steps.on && item && <FramesStrip itemId={item.id} load={ready && player.mediaReady && !steps.loading} highlight={steps.highlight} onSeek={player.seek} />}
          {item && <PoolPanel itemId={item.id} />}
          {item ? (
            <CotColumns
              item={item}
              draft={draft}
              right={{ tabs: right.tabs, activeTab: right.activeTab, version: rightVersion, onTab: (key) => right.showTab(item.id, key) }}
              diffOps={diffOps}
              steps={steps}
              editor={editorNode && ed ? { node: editorNode, column: ed.column } : null}
              canEdit={!editing}
              onEdit={edit.start}
              onSeek={player.seek}
              durationSec={player.durationSec}
            />
          ) : (
            <div className="flex min-h-0 flex-1 items-center justify-center rounded-lg border border-slate-200 bg-white text-sm text-slate-400">
              {nav.itemQ.isError ? `Could not load item ${id}: ${nav.itemQ.error.message}` : `Loading item ${id}…`}
            </div>
          )}
        </div>
      </div>

      <ReviewActionBar
        item={item}
        draft={draft}
        rightVersion={rightVersion}
        ready={ready}
        editing={editing}
        steps={steps}
        toasts={toasts}
        dismiss={dismiss}
        on={{ acceptRight: decisions.acceptRight, acceptDraft: decisions.acceptDraft, edit: () => edit.start('right'), reject: () => setDialog({ kind: 'reject' }), skip: decisions.skip, undo: decisions.undo }}
      />

      {nav.nextItem?.dataType === 'image' && <MediaPreload src={nav.nextItem.media.src} />}
      {guidelinesOpen && item && <GuidelinesPanel datasetId={item.datasetId} onClose={() => setGuidelinesOpen(false)} />}
      <ReviewDialogs
        dialog={dialog}
        item={item}
        onClose={() => setDialog(null)}
        onGuidelines={() => {
          setDialog(null);
          setGuidelinesOpen(true);
        }}
        onAcceptAnyway={decisions.acceptAnyway}
        onReject={decisions.reject}
        rejectPrefill={steps.rejectPrefill}
        editText={edit.editor?.text ?? null}
        conflict={{ saveMine: edit.saveMine, takeTheirs: edit.takeTheirs, keepEditing: edit.keepEditing }}
      />
    </div>
  );
}
