import { Prisma } from '@/generated/prisma/client';
import type { SendBackStage } from './send-back-stages';

// "Send back to a stage": the pipeline redoes a stage for an item when the item no longer has
// that stage's output. The contract with lib/pipeline (issue 5) is the item's current-version
// pointers: an item with no current draft (filter hasDraft=false) needs drafting, one with a
// draft and no current revision (hasRevision=false) needs revising. Sending back clears the
// pointers from that stage onwards (and the scores denormalised from them), so a run over
// "hasDraft=false" / "hasRevision=false" picks the items up again. The CoT versions stay in
// cot_version as history, and undo puts the pointers back.

export { SEND_BACK_STAGES, type SendBackStage } from './send-back-stages';

/** Items worth sending back: those that have the stage's output. Over `i`. */
export function sendBackApplies(stage: SendBackStage): Prisma.Sql {
  return stage === 'draft' ? Prisma.sql`(i.current_draft_id IS NOT NULL OR i.current_revision_id IS NOT NULL)` : Prisma.sql`i.current_revision_id IS NOT NULL`;
}

/**
 * The SET list that sends an item back (over `i`). The review goes back to pending: the item's
 * CoT will change, so an earlier decision no longer applies.
 */
export function sendBackSet(stage: SendBackStage): Prisma.Sql {
  const review = Prisma.sql`review_status = 'pending', accepted_version_id = NULL, reviewed_by_id = NULL, reviewed_at = NULL, last_error = NULL`;
  const revision = Prisma.sql`current_revision_id = NULL, revision_score = NULL, revision_correct = NULL, consistency_score = NULL`;
  if (stage === 'draft') {
    return Prisma.sql`${review}, ${revision}, current_draft_id = NULL, draft_score = NULL, draft_correct = NULL, cot_length = NULL`;
  }
  // The draft becomes the item's best CoT again, so the length filter follows it.
  return Prisma.sql`${review}, ${revision}, cot_length = (SELECT length(c.text) FROM cot_version c WHERE c.id = i.current_draft_id)`;
}
