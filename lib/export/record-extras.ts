// Fields an export adds to each record on request, after the record's own fields: the rollout
// pass rate (RL) and the lineage of the accepted CoT. Appended to the record's JSON text, so the
// fast path that builds records is left as it is.

export type RecordExtras = { passRate?: boolean; lineage?: boolean };

export function withExtras(json: string, extras: RecordExtras, passRate: string | null, lineage: string | null): string {
  if (!extras.passRate && !extras.lineage) return json;
  let tail = '';
  if (extras.passRate) tail += `,"pass_rate":${passRate ?? 'null'}`;
  if (extras.lineage) tail += `,"lineage":${lineage ?? 'null'}`;
  return json === '{}' ? `{${tail.slice(1)}}` : `${json.slice(0, -1)}${tail}}`;
}

/**
 * The lineage of an item's accepted CoT as one JSON object, built by PostgreSQL: the draft's and
 * the revision's model and prompt version, scores, the reviewer and the decision time, and a
 * hash of the frame sampling parameters the revision was made with.
 */
export const LINEAGE_SQL = `(SELECT json_build_object(
    'draft_model', d.model, 'draft_prompt_version', d.prompt_version,
    'revision_model', r.model, 'revision_prompt_version', r.prompt_version,
    'accepted_version_id', i.accepted_version_id,
    'draft_answer_score', i.draft_score, 'revision_answer_score', i.revision_score,
    'consistency_score', i.consistency_score,
    'reviewer', u.email, 'decided_at', i.reviewed_at,
    'frame_plan_hash', CASE WHEN r.params IS NOT NULL THEN md5(jsonb_build_object('videoInput', r.params -> 'videoInput', 'frames', r.params -> 'frames')::text) END
  )::text
  FROM (SELECT 1) one
  LEFT JOIN cot_version d ON d.id = i.current_draft_id
  LEFT JOIN cot_version r ON r.id = i.current_revision_id
  LEFT JOIN "user" u ON u.id = i.reviewed_by_id)`;
