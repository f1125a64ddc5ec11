import crypto from 'node:crypto';
import { queryRows } from './support';

/**
 * A dataset of its own for a table spec (specs share one database), with `n` pending items:
 * problem types and draft correctness cycle, every item has a draft, most a revision.
 */
export async function seedTableDataset(label: string, n: number, opts: { revisionEvery?: number } = {}): Promise<{ id: number; name: string }> {
  const name = `${label}-${crypto.randomBytes(3).toString('hex')}`;
  const [ds] = await queryRows<{ id: number }>(`INSERT INTO dataset (name, media_root) VALUES ($1, '/tmp') RETURNING id`, [name]);
  const id = ds!.id;
  await queryRows(
    `INSERT INTO item (dataset_id, problem_id, problem, problem_type, data_type, path, data_source, solution, ground_truth, updated_at)
     SELECT $1, 't' || g, 'Table question ' || g || ': what does the ' || (ARRAY['red car','blue ball','grey cat'])[1 + g % 3] || ' do?',
            (ARRAY['multiple choice','numerical','OCR','free-form'])[1 + g % 4]::"ProblemType", 'video', './v.mp4',
            (ARRAY['STAR','NeXT-QA'])[1 + g % 2], '<answer>A</answer>', 'A', now() - g * interval '1 minute'
       FROM generate_series(1, $2) g`,
    [id, n],
  );
  await queryRows(
    `INSERT INTO cot_version (item_id, kind, text, answer, answer_score, answer_correct)
     SELECT i.id, 'draft', '<think>Draft for ' || i.problem_id || '</think><answer>A</answer>', 'A',
            CASE WHEN substr(i.problem_id, 2)::int % 3 = 0 THEN 0 ELSE 1 END, substr(i.problem_id, 2)::int % 3 <> 0
       FROM item i WHERE i.dataset_id = $1`,
    [id],
  );
  await queryRows(
    `INSERT INTO cot_version (item_id, kind, text, answer, answer_score, answer_correct)
     SELECT i.id, 'revision', '<think>Revision for ' || i.problem_id || '</think>', 'A', 1, true
       FROM item i WHERE i.dataset_id = $1 AND substr(i.problem_id, 2)::int % $2 <> 0`,
    [id, opts.revisionEvery ?? 5],
  );
  await queryRows(
    `UPDATE item i SET current_draft_id = d.id, draft_score = d.answer_score, draft_correct = d.answer_correct,
            current_revision_id = r.id, revision_score = r.answer_score, revision_correct = r.answer_correct,
            cot_length = length(COALESCE(r.text, d.text))
       FROM cot_version d LEFT JOIN cot_version r ON r.item_id = d.item_id AND r.kind = 'revision'
      WHERE d.item_id = i.id AND d.kind = 'draft' AND i.dataset_id = $1`,
    [id],
  );
  return { id, name };
}

export async function statusCounts(datasetId: number): Promise<Record<string, number>> {
  const rows = await queryRows<{ s: string; n: number }>(`SELECT review_status::text AS s, count(*)::int AS n FROM item WHERE dataset_id = $1 GROUP BY 1`, [datasetId]);
  return Object.fromEntries(rows.map((r) => [r.s, r.n]));
}
