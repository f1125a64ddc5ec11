'use client';

import type { BulkOperation } from '@/lib/bulk/bulk-input';
import type { PreparedBulkAction } from '@/lib/bulk/prepare-bulk-action';
import { Button } from '@/components/ui/button';
import { Modal } from '@/components/ui/modal';
import { operationVerb, skippedReason } from './describe-operation';
import { plural } from '@/lib/format/plural';

/**
 * The confirmation: the count was computed on the server with the filter that will be applied,
 * and the items were frozen with it, so the number here is the number that will change.
 */
export function ConfirmBulkDialog({
  prepared,
  operation,
  scope,
  onConfirm,
  onCancel,
  applying,
  error,
  onIncludeMismatched,
  recounting = false,
}: {
  prepared: PreparedBulkAction;
  operation: BulkOperation;
  /** What was selected, in words: "the filter status=pending", "3 selected items", "the rest of sample #4". */
  scope: string;
  onConfirm: () => void;
  onCancel: () => void;
  applying: boolean;
  error: string | null;
  /** Accepts: count again with or without the items whose answer check fails. */
  onIncludeMismatched?: (include: boolean) => void;
  recounting?: boolean;
}) {
  const n = prepared.count.toLocaleString('en-US');
  const verb = operationVerb(operation);
  const danger = operation.type !== 'accept';
  return (
    <Modal
      title={`${verb} ${plural(prepared.count, 'item')}?`}
      onClose={applying ? () => {} : onCancel}
      testId="confirm-bulk"
      footer={
        <>
          <Button onClick={onCancel} disabled={applying}>
            Cancel
          </Button>
          <Button variant={danger ? 'danger' : 'primary'} testId="confirm-bulk-apply" disabled={applying || recounting || prepared.count === 0} onClick={onConfirm}>
            {applying ? 'Applying…' : `${verb} ${n} item${prepared.count === 1 ? '' : 's'}`}
          </Button>
        </>
      }
    >
      <p>
        <span className="text-2xl font-semibold text-slate-900 tabular-nums" data-testid="confirm-bulk-count">
          {n}
        </span>{' '}
        item{prepared.count === 1 ? '' : 's'} will change: {scope}.
      </p>
      {prepared.outsideScope !== null && prepared.outsideScope > 0 && (
        <p className="rounded border border-amber-200 bg-amber-50 px-2 py-1 text-xs text-amber-900" data-testid="confirm-bulk-narrowed">
          Narrowed to your assignments: {(prepared.count + prepared.skipped).toLocaleString('en-US')} of the{' '}
          {plural(prepared.count + prepared.skipped + prepared.outsideScope, 'selected item')} {prepared.count + prepared.skipped === 1 ? 'is' : 'are'} in your assigned work;{' '}
          {prepared.outsideScope.toLocaleString('en-US')} outside it {prepared.outsideScope === 1 ? 'stays' : 'stay'} as {prepared.outsideScope === 1 ? 'it is' : 'they are'}.
        </p>
      )}
      {prepared.count === 0 && (
        <p className="text-xs text-slate-600" data-testid="confirm-bulk-nothing">
          Nothing to change: no selected item can take this action.
        </p>
      )}
      {operation.type === 'reject' && (
        <p className="rounded bg-slate-50 px-2 py-1 text-xs">
          Reason: <span className="font-medium">{operation.reason}</span>
        </p>
      )}
      {operation.type === 'accept' && prepared.mismatched > 0 && (
        <div className="rounded border border-rose-200 bg-rose-50 px-2 py-1.5 text-xs text-rose-900" data-testid="confirm-bulk-mismatched">
          <p>
            <span className="font-semibold tabular-nums">{prepared.mismatched.toLocaleString('en-US')}</span> of the{' '}
            {(prepared.count + (prepared.includeMismatched ? 0 : prepared.mismatched)).toLocaleString('en-US')} have a failing answer check (✗, or an
            open-ended score below the keep threshold){prepared.includeMismatched ? ' and are included.' : ' and are left out.'}
          </p>
          {onIncludeMismatched && (
            <label className="mt-1 flex items-center gap-1.5">
              <input
                type="checkbox"
                data-testid="confirm-bulk-include-mismatched"
                checked={prepared.includeMismatched}
                disabled={applying || recounting}
                onChange={(e) => onIncludeMismatched(e.target.checked)}
              />
              Include them (accept CoTs whose answer is wrong)
            </label>
          )}
        </div>
      )}
      {prepared.skipped > 0 && (
        <p className="text-xs text-amber-800" data-testid="confirm-bulk-skipped">
          {prepared.skipped.toLocaleString('en-US')} more matching item{prepared.skipped === 1 ? '' : 's'} {skippedReason(operation)} and stay as they are.
        </p>
      )}
      <p className="text-xs text-slate-500">
        Counted on the server just now. Exactly these items are changed, even if other items start or stop matching before you confirm. One
        decision per item is recorded, and the action can be undone from the history below the table.
      </p>
      {error && (
        <p className="rounded border border-rose-200 bg-rose-50 px-2 py-1 text-xs text-rose-800" role="alert">
          {error}
        </p>
      )}
    </Modal>
  );
}
