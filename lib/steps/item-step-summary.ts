import { sql } from 'kysely';
import { kdb, type PrismaDb } from '@/lib/db/kysely';

/**
 * The items table's step columns for the listed items, set-based: step_reviewed (any version
 * has a labelled step), step_first_error (the first wrong step, 0-based, of the most recently
 * step-reviewed version) and contradicted_steps (the evidence stage's contradicted claims in
 * the CoT under review: the newest of the current revision, else the draft, and the latest edit;
 * the SQL function item_contradicted_count, which triggers also use when that CoT is replaced).
 */
export async function refreshItemStepSummary(db: PrismaDb, itemIds: number[]): Promise<void> {
  if (itemIds.length === 0) return;
  await sql`UPDATE item i SET step_reviewed = x.reviewed, step_first_error = x.first_error, contradicted_steps = x.contradicted
       FROM (
         SELECT t.id,
                EXISTS (SELECT 1 FROM step_review r WHERE r.item_id = t.id AND r.labelled > 0) AS reviewed,
                (SELECT r.first_error FROM step_review r WHERE r.item_id = t.id AND r.labelled > 0 ORDER BY r.updated_at DESC, r.version_id DESC LIMIT 1) AS first_error,
                item_contradicted_count(t.id, t.current_draft_id, t.current_revision_id) AS contradicted
           FROM item t WHERE t.id = ANY(${itemIds}::int[])
       ) x
      WHERE i.id = x.id
        AND (i.step_reviewed, i.step_first_error, i.contradicted_steps) IS DISTINCT FROM (x.reviewed, x.first_error, x.contradicted)`.execute(kdb(db));
}
