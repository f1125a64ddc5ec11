'use client';

import { useCallback, useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ReviewItem, ReviewVersion } from '@/lib/review/review-item';
import type { RejectReasonCode } from '@/lib/review/reject-reasons';
import { answerCheckFails } from '@/lib/answers/answer-check-rule';
import { useOpenEndedMinScore } from '@/components/cot/answer-threshold-context';
import { conflictItem } from '@/features/review/api/conflict-item';
import { reviewKeys } from '@/features/review/api/keys';
import { reviewItemQueryOptions } from '@/features/review/api/review-item';
import { useDecideItem, type DecisionInput } from '@/features/review/api/decide-item';
import { useUndoDecision } from '@/features/review/api/undo-decision';
import { describeChange } from '@/features/review/components/describe-change';
import { KIND_LABEL } from '@/features/review/hooks/right-column';
import type { useItemOps } from '@/features/review/hooks/use-item-ops';
import type { Toast } from '@/features/review/components/toasts';
import type { Dialog } from '@/features/review/components/review-dialogs';

type Notify = (t: Omit<Toast, 'id'>) => void;

/**
 * Decisions on the shown item and their undo. A decision moves on at once (`advance`) and is
 * saved in the background, one change per item at a time (`ops`); a refusal is reported with a
 * way back to the item. U takes back the session's last decision wherever it was made.
 */
export function useDecisions(opts: {
  item: ReviewItem | undefined;
  draft: ReviewVersion | null;
  rightVersion: ReviewVersion | null;
  ops: ReturnType<typeof useItemOps>;
  currentId: { current: number };
  goTo: (id: number) => void;
  advance: () => Promise<void>;
  takeActiveMs: (itemId: number) => number;
  toast: Notify;
  setDialog: (d: Dialog) => void;
}) {
  const { item, draft, rightVersion, ops, currentId, goTo, advance, takeActiveMs, toast, setDialog } = opts;
  const { chain, remember, popLast } = ops;
  const qc = useQueryClient();
  const decideMut = useDecideItem();
  const undoMut = useUndoDecision();

  const reportFailure = useCallback(
    (e: unknown, itemId: number, problemId: string, label: string) => {
      const current = conflictItem(e);
      const why = current ? describeChange(current) : e instanceof Error ? e.message : String(e);
      toast({
        tone: 'error',
        text: `Not saved — ${label.toLowerCase()} on ${problemId}: ${why}`,
        action: currentId.current !== itemId ? { label: 'Open it', onClick: () => goTo(itemId) } : undefined,
      });
    },
    [toast, goTo, currentId],
  );

  // The toast's Undo button calls the undo of the moment it is clicked, not of its creation.
  const undoRef = useRef<() => void>(() => {});
  const decide = useCallback(
    (decision: DecisionInput, label: string) => {
      if (!item) return;
      const { id: itemId, problemId } = item;
      const activeMs = takeActiveMs(itemId);
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
    [item, chain, qc, decideMut, reportFailure, remember, toast, advance, takeActiveMs],
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
  }, [popLast, item, toast, goTo, chain, qc, undoMut, reportFailure, currentId]);
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
  }, [rightVersion, decide, toast, answerFails, setDialog]);

  const acceptDraft = useCallback(() => {
    if (!draft) return;
    if (draft.formatOk === false) {
      toast({ tone: 'error', text: 'The draft fails the format check; edit it (Shift+E) to accept.' });
      return;
    }
    if (answerFails(draft)) setDialog({ kind: 'acceptAnyway', version: draft, label: KIND_LABEL[draft.kind] });
    else decide({ action: 'accept', versionId: draft.id }, draft.kind === 'imported' ? 'Accepted imported CoT' : 'Accepted draft');
  }, [draft, decide, toast, answerFails, setDialog]);

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
    [decide, setDialog],
  );

  const acceptAnyway = useCallback(
    (version: ReviewVersion, label: string, reason: string) => {
      setDialog(null);
      decide({ action: 'accept', versionId: version.id, acceptAnyway: true, reason }, `Accepted ${label} anyway`);
    },
    [decide, setDialog],
  );

  return { acceptRight, acceptDraft, skip, reject, acceptAnyway, undo };
}
