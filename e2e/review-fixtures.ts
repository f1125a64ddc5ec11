import pg from 'pg';

export type ClonedItem = { id: number; problemId: string; dataType: string; draftId: number; revisionId: number };

/**
 * Copies the demo dataset (videos with their representations, items, draft and revision) into a
 * new dataset, `copies` times over, so review specs and the benchmark change only their own
 * rows. Set-based SQL, one transaction.
 */
export async function cloneDemoDataset(databaseUrl: string, opts: { name: string; copies?: number }): Promise<{ datasetId: number; items: ClonedItem[] }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const demo = await client.query<{ id: number }>(`SELECT id FROM dataset WHERE name = 'demo'`);
    const demoId = demo.rows[0]?.id;
    if (!demoId) throw new Error('The demo dataset is missing');
    const ds = await client.query<{ id: number }>(
      `INSERT INTO dataset (name, description, media_root) SELECT $1, 'copy of demo for review tests', media_root FROM dataset WHERE id = $2 RETURNING id`,
      [opts.name, demoId],
    );
    const datasetId = ds.rows[0]!.id;
    await client.query(
      `INSERT INTO video (dataset_id, path, data_type, duration_sec, fps, width, height, frame_count, probed_at, probe_error, representation, representation_model, representation_prompt_version, representation_at)
       SELECT $1, path, data_type, duration_sec, fps, width, height, frame_count, probed_at, probe_error, representation, representation_model, representation_prompt_version, representation_at
         FROM video WHERE dataset_id = $2`,
      [datasetId, demoId],
    );
    await client.query(
      `INSERT INTO item (dataset_id, video_id, problem_id, problem_id_is_number, problem, options, problem_type, data_type, path, data_source, solution, ground_truth, field_order, source_index)
       SELECT $1, nv.id, CASE WHEN c.n = 1 THEN i.problem_id ELSE i.problem_id || '~' || c.n END, i.problem_id_is_number AND c.n = 1, i.problem, i.options, i.problem_type, i.data_type, i.path,
              i.data_source, i.solution, i.ground_truth, i.field_order, i.source_index
         FROM generate_series(1, $3::int) AS c(n)
         CROSS JOIN item i
         LEFT JOIN video ov ON ov.id = i.video_id
         LEFT JOIN video nv ON nv.dataset_id = $1 AND nv.path = ov.path
        WHERE i.dataset_id = $2
        ORDER BY c.n, i.id`,
      [datasetId, demoId, opts.copies ?? 1],
    );
    await client.query(
      `INSERT INTO cot_version (item_id, kind, text, think, answer, format_ok, answer_score, answer_correct, model, prompt_version)
       SELECT ni.id, v.kind, v.text, v.think, v.answer, v.format_ok, v.answer_score, v.answer_correct, v.model, v.prompt_version
         FROM item ni
         JOIN item oi ON oi.dataset_id = $2 AND oi.problem_id = split_part(ni.problem_id, '~', 1)
         JOIN cot_version v ON v.item_id = oi.id AND v.kind IN ('draft', 'revision')
        WHERE ni.dataset_id = $1
        ORDER BY ni.id, v.id`,
      [datasetId, demoId],
    );
    await client.query(
      `UPDATE item i SET
          current_draft_id = d.id, draft_score = d.answer_score, draft_correct = d.answer_correct,
          current_revision_id = r.id, revision_score = r.answer_score, revision_correct = r.answer_correct, cot_length = length(r.text)
         FROM cot_version d, cot_version r
        WHERE i.dataset_id = $1 AND d.item_id = i.id AND d.kind = 'draft' AND r.item_id = i.id AND r.kind = 'revision'`,
      [datasetId],
    );
    const items = await client.query<ClonedItem>(
      `SELECT id, problem_id AS "problemId", data_type::text AS "dataType", current_draft_id AS "draftId", current_revision_id AS "revisionId"
         FROM item WHERE dataset_id = $1 ORDER BY id`,
      [datasetId],
    );
    await client.query('COMMIT');
    return { datasetId, items: items.rows };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
}
