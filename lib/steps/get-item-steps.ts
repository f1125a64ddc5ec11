import { sql } from 'kysely';
import { kdb, type PrismaDb } from '@/lib/db/kysely';
import { AppError } from '../errors';
import type { GroundedStep } from './ground-steps';
import { ensureCotSteps } from './ensure-steps';
import type { ItemSteps, VersionSteps } from './step-types';

type Db = PrismaDb;

// The versions the review page shows (current draft and revision, newest edit, accepted).
const shownIdsSql = (itemId: number) => sql<{ id: number }>`
SELECT c.id FROM item i JOIN cot_version c ON c.item_id = i.id
 WHERE i.id = ${itemId} AND (c.id IN (i.current_draft_id, i.current_revision_id, i.accepted_version_id)
       OR c.id = (SELECT max(e.id) FROM cot_version e WHERE e.item_id = i.id AND e.kind = 'edit'))`;

const iso = (col: string) => sql`to_char(${sql.ref(col)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

type Row = Omit<VersionSteps, 'contradicted' | 'steps'> & { steps: GroundedStep[] };

const stepsSql = (ids: number[]) => sql<Row>`
SELECT c.id AS "versionId", c.kind::text AS kind, s.steps,
       (SELECT coalesce(json_agg(json_build_object('stepIndex', sv.step_index, 'label', sv.label, 'note', sv.note) ORDER BY sv.step_index), '[]'::json)
          FROM step_verdict sv WHERE sv.version_id = c.id) AS verdicts,
       (SELECT json_build_object('labelled', r.labelled, 'firstError', r.first_error, 'finishReason', r.finish_reason, 'rev', r.rev,
                                 'reviewer', (SELECT json_build_object('id', u.id, 'name', u.name) FROM "user" u WHERE u.id = r.reviewer_id),
                                 'updatedAt', ${iso('r.updated_at')})
          FROM step_review r WHERE r.version_id = c.id) AS review,
       (SELECT coalesce(json_agg(json_build_object('stepIndex', e.step_index, 'verdict', e.verdict, 'reason', e.reason, 'frames', e.frames,
                                                   'model', e.model, 'promptVersion', e.prompt_version) ORDER BY e.step_index), '[]'::json)
          FROM step_evidence e WHERE e.version_id = c.id) AS evidence
  FROM cot_version c JOIN cot_steps s ON s.version_id = c.id
 WHERE c.id = ANY(${ids}::int[])
 ORDER BY c.id`;

/** The steps, verdicts and evidence of the versions the review page shows; splits any version not yet split. */
export async function getItemSteps(db: Db, itemId: number): Promise<ItemSteps> {
  const ids = (await shownIdsSql(itemId).execute(kdb(db))).rows.map((r) => r.id);
  if (ids.length === 0) {
    const exists = await kdb(db).selectFrom('item').select('id').where('id', '=', itemId).executeTakeFirst();
    if (!exists) throw new AppError('NOT_FOUND', `Item ${itemId} not found`);
    return { itemId, versions: [] };
  }
  await ensureCotSteps(db, ids);
  const { rows } = await stepsSql(ids).execute(kdb(db));
  return {
    itemId,
    versions: rows.map((r) => ({ ...r, contradicted: r.evidence.filter((e) => e.verdict === 'contradicted').length })),
  };
}
