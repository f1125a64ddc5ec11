'use client';

import type { ReviewItem, ReviewVersion } from '@/lib/review/review-item';
import type { RejectReasonCode } from '@/lib/review/reject-reasons';
import { HelpOverlay } from '@/features/review/components/help-overlay';
import { RejectDialog } from '@/components/review/reject-dialog';
import { EditConflictDialog } from '@/features/review/components/conflict-dialog';
import { HistoryDrawer } from '@/features/review/components/history-drawer';
import { AcceptAnywayDialog } from '@/components/review/accept-anyway-dialog';

/** The one dialog (or drawer) the review page has open. */
export type Dialog =
  | { kind: 'help' }
  | { kind: 'reject' }
  | { kind: 'history' }
  | { kind: 'conflict'; current: ReviewItem; accept: boolean }
  | { kind: 'acceptAnyway'; version: ReviewVersion; label: string }
  | null;

/** Whether the open dialog takes the keyboard (the history drawer leaves review keys on). */
export const dialogTakesKeys = (d: Dialog) => d !== null && d.kind !== 'history';

export function ReviewDialogs(props: {
  dialog: Dialog;
  item: ReviewItem | undefined;
  onClose: () => void;
  onGuidelines: () => void;
  onAcceptAnyway: (version: ReviewVersion, label: string, reason: string) => void;
  onReject: (reason: RejectReasonCode, note: string) => void;
  rejectPrefill: { reason: RejectReasonCode; note: string } | null;
  /** The open edit's text, for the conflict dialog, and its three ways out. */
  editText: string | null;
  conflict: { saveMine: () => void; takeTheirs: () => void; keepEditing: () => void };
}) {
  const { dialog, item, onClose } = props;
  if (dialog === null) return null;
  switch (dialog.kind) {
    case 'help':
      return <HelpOverlay onClose={onClose} onGuidelines={props.onGuidelines} />;
    case 'acceptAnyway':
      return item ? (
        <AcceptAnywayDialog item={item} version={dialog.version} label={dialog.label} onClose={onClose} onAccept={(reason) => props.onAcceptAnyway(dialog.version, dialog.label, reason)} />
      ) : null;
    case 'reject':
      return <RejectDialog onReject={props.onReject} onClose={onClose} initial={props.rejectPrefill?.reason} initialNote={props.rejectPrefill?.note} />;
    case 'history':
      return item ? <HistoryDrawer itemId={item.id} problemType={item.problemType} onClose={onClose} /> : null;
    case 'conflict':
      return props.editText !== null ? (
        <EditConflictDialog
          current={dialog.current}
          mine={props.editText}
          accept={dialog.accept}
          onSaveMine={props.conflict.saveMine}
          onTakeTheirs={props.conflict.takeTheirs}
          onKeepEditing={props.conflict.keepEditing}
        />
      ) : null;
  }
}
