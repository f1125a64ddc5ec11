'use client';

import type { ReviewItem, ReviewVersion } from '@/lib/review/review-item';
import { StepsToggle } from '@/features/review/components/step-column';
import type { useStepReview } from '@/features/review/hooks/use-step-review';
import { ActionButton } from '@/features/review/components/action-bar';
import { Toasts, type Toast } from '@/features/review/components/toasts';
import { KIND_LABEL } from '@/features/review/hooks/right-column';

function decisionSummary(item: ReviewItem, draft: ReviewVersion | null): string {
  const status = item.reviewStatus;
  if (status === 'pending') return 'Pending — a decision moves to the next item';
  if (status === 'accepted') return `Accepted ${item.acceptedVersionId === draft?.id ? 'draft' : item.acceptedVersionId === item.revision?.id ? 'revision' : `version #${item.acceptedVersionId}`}`;
  if (status === 'rejected') return `Rejected${item.lastDecision?.reason ? ` — ${item.lastDecision.reason}` : ''}`;
  return 'Skipped';
}

/** The bottom bar: the decisions with their keys, undo, the steps toggle, and the newest notice (else the item's decision). */
export function ReviewActionBar(props: {
  item: ReviewItem | undefined;
  draft: ReviewVersion | null;
  rightVersion: ReviewVersion | null;
  ready: boolean;
  editing: boolean;
  steps: ReturnType<typeof useStepReview>;
  toasts: Toast[];
  dismiss: (id: number) => void;
  on: { acceptRight: () => void; acceptDraft: () => void; edit: () => void; reject: () => void; skip: () => void; undo: () => void };
}) {
  const { item, draft, rightVersion, ready, editing, toasts, on } = props;
  const rightLabel = rightVersion ? KIND_LABEL[rightVersion.kind] : 'revision';
  return (
    <div className="flex h-11 shrink-0 items-center gap-1.5 rounded-lg border border-slate-200 bg-white px-2" data-testid="action-bar">
      <ActionButton
        label={`Accept ${rightLabel}`}
        keyHint="A"
        tone="primary"
        onClick={on.acceptRight}
        disabled={!ready || !rightVersion || editing}
        title={rightVersion?.formatOk === false ? 'Fails the format check: edit it first' : `Accept the ${rightLabel} and go to the next item`}
        testId="accept-right"
      />
      <ActionButton label={draft?.kind === 'imported' ? 'Accept imported' : 'Accept draft'} keyHint="D" onClick={on.acceptDraft} disabled={!ready || !draft || editing} testId="accept-draft" />
      <ActionButton label="Edit" keyHint="E" onClick={on.edit} disabled={!ready || (!rightVersion && !draft) || editing} title="Edit the right-hand CoT (Shift+E: the draft)" testId="edit" />
      <ActionButton label="Reject…" keyHint="R" tone="danger" onClick={on.reject} disabled={!ready || editing} testId="reject" />
      <ActionButton label="Skip" keyHint="S" tone="plain" onClick={on.skip} disabled={!ready || editing} title="Decide later: marks a pending item skipped and moves on" testId="skip" />
      <span className="mx-1 h-5 w-px bg-slate-200" />
      <ActionButton label="Undo" keyHint="U" tone="plain" onClick={on.undo} title="Take back the last decision" testId="undo" />
      <StepsToggle steps={props.steps} />
      {toasts.length > 0 && <Toasts toasts={toasts} dismiss={props.dismiss} />}
      <span className={`ml-auto truncate text-xs text-slate-500 ${toasts.length > 0 ? 'hidden' : ''}`} data-testid="decision-summary">
        {item ? decisionSummary(item, draft) : ''}
      </span>
    </div>
  );
}
