import type { BulkOperation } from '@/lib/bulk/bulk-input';

/** "Accept", "Reject", "Send back to revise" — the verb a confirmation and the history use. */
export function operationVerb(op: Pick<BulkOperation, 'type'> & Partial<{ stage: string; version: string }>): string {
  if (op.type === 'accept') return op.version === 'draft' ? 'Accept the draft of' : 'Accept';
  if (op.type === 'reject') return 'Reject';
  return `Send back to ${op.stage ?? 'a stage'}`;
}

export function skippedReason(op: BulkOperation): string {
  if (op.type === 'accept')
    return `${op.version === 'revision-else-draft' ? 'have no CoT to accept' : `have no ${op.version} CoT to accept`} or are decided by several reviewers' votes (consensus)`;
  if (op.type === 'send_back') return `have nothing to redo at the ${op.stage} stage`;
  return 'are decided by several reviewers\' votes (consensus) or cannot be changed';
}
