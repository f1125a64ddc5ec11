'use client';

import type { ReactNode } from 'react';
import type { ReviewItem, ReviewVersion } from '@/lib/review/review-item';
import type { DiffOp } from '@/lib/review/word-diff';
import { CotPanel, type PanelTab } from '@/components/cot/cot-panel';
import { CotText } from '@/components/cot/cot-text';
import { StepColumnView } from '@/features/review/components/step-column';
import type { useStepReview } from '@/features/review/hooks/use-step-review';
import { KIND_LABEL } from '@/features/review/hooks/right-column';

type Column = 'draft' | 'right';

/**
 * The two CoTs side by side: the draft (or the imported CoT in its place) and the right-hand
 * column's tabs (revision, edit, accepted, imported). Each shows its text (word diff with V),
 * its numbered steps (T), or the open editor, which widens its column.
 */
export function CotColumns(props: {
  item: ReviewItem;
  draft: ReviewVersion | null;
  right: { tabs: PanelTab[]; activeTab: string; version: ReviewVersion | null; onTab: (key: string) => void };
  diffOps: DiffOp[] | null;
  steps: ReturnType<typeof useStepReview>;
  /** The open editor's node and the column it edits; `canEdit`: no editor open anywhere. */
  editor: { node: ReactNode; column: Column } | null;
  canEdit: boolean;
  onEdit: (column: Column) => void;
  onSeek?: (seconds: number) => void;
  durationSec: number | null;
}) {
  const { item, draft, right, editor } = props;
  const editing = editor?.column ?? null;
  // An imported CoT holds the draft's place when no draft was generated: labelled as what it is.
  const draftTabs: PanelTab[] = draft ? [{ key: 'draft', label: draft.kind === 'imported' ? 'Imported' : 'Draft', version: draft }] : [];
  const rightLabel = right.version ? KIND_LABEL[right.version.kind] : 'revision';
  const body = (column: Column, version: ReviewVersion | null) =>
    editing === column ? (
      editor!.node
    ) : (
      <div className="min-h-0 flex-1 overflow-y-auto px-4 py-3">
        {version &&
          (props.steps.on ? (
            <StepColumnView steps={props.steps} column={column} text={version.text} onSeek={props.onSeek} durationSec={props.durationSec} />
          ) : (
            <CotText text={version.text} onSeek={props.onSeek} durationSec={props.durationSec} diff={props.diffOps ? { ops: props.diffOps, side: column === 'draft' ? 'old' : 'new' } : null} />
          ))}
      </div>
    );
  const editButton = (column: Column, title: string) => (
    <button type="button" onClick={() => props.onEdit(column)} className="rounded px-1.5 py-0.5 text-[11px] text-slate-500 hover:bg-slate-100 hover:text-slate-900" title={title}>
      Edit
    </button>
  );
  return (
    <div className={`grid min-h-0 flex-1 gap-2 ${editing === 'draft' ? 'grid-cols-[3fr_2fr]' : editing === 'right' ? 'grid-cols-[2fr_3fr]' : 'grid-cols-2'}`}>
      <CotPanel
        testId="draft-panel"
        tabs={draftTabs}
        active="draft"
        emptyLabel="Draft"
        emptyText="No draft yet: run the draft stage for this item."
        acceptedVersionId={item.acceptedVersionId}
        problemType={item.problemType}
        editing={editing === 'draft'}
        tools={draft && props.canEdit ? editButton('draft', 'Edit the draft (Shift+E)') : null}
      >
        {body('draft', draft)}
      </CotPanel>
      <CotPanel
        testId="revision-panel"
        tabs={right.tabs}
        active={right.activeTab}
        onTab={right.onTab}
        emptyLabel="Revision"
        emptyText="No revision yet: run the revise stage for this item."
        acceptedVersionId={item.acceptedVersionId}
        problemType={item.problemType}
        editing={editing === 'right'}
        tools={right.version && props.canEdit ? editButton('right', `Edit the ${rightLabel} (E)`) : null}
      >
        {body('right', right.version)}
      </CotPanel>
    </div>
  );
}
