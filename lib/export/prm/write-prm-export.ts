import { config } from '../../config';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { kyselyOnClient } from '../../db/raw-client';
import { exportWhere } from '../export-query';
import { inlineSql } from '../copy-rows';
import type { ExportOptions } from '../export-options';
import { startManifest, writeManifest, type ExportManifest } from '../manifest';
import { buildPrmRecord, prmDatasetInfo, type PrmSourceRow } from './prm-record';

const CHUNK = 500;

// The rows of one chunk: each step-reviewed CoT version of the filtered items (or, when asked,
// every version the review page shows), with its split, labels and evidence, in (item, version) order.
function chunkSql(where: string, stepReviewedOnly: boolean): string {
  const versions = stepReviewedOnly
    ? `JOIN step_review r ON r.version_id = c.id AND r.labelled > 0`
    : `LEFT JOIN step_review r ON r.version_id = c.id`;
  const shown = stepReviewedOnly ? 'TRUE' : `c.id IN (i.current_draft_id, i.current_revision_id, i.accepted_version_id)`;
  return `
SELECT i.id AS item_id, i.problem_id, i.problem_id_is_number, i.problem, i.options, i.problem_type::text AS problem_type,
       i.data_type::text AS data_type, i.path, i.data_source, i.ground_truth, i.review_status::text AS review_status,
       c.id AS version_id, c.kind::text AS kind, c.text, c.answer, c.answer_correct, s.steps,
       r.first_error, r.finish_reason, r.reviewer_id,
       (SELECT json_agg(json_build_object('i', v.step_index, 'label', v.label, 'note', v.note)) FROM step_verdict v WHERE v.version_id = c.id) AS verdicts,
       (SELECT json_agg(json_build_object('i', e.step_index, 'verdict', e.verdict, 'reason', e.reason)) FROM step_evidence e WHERE e.version_id = c.id) AS evidence
  FROM item i
  JOIN cot_version c ON c.item_id = i.id
  ${versions}
  LEFT JOIN cot_steps s ON s.version_id = c.id
 WHERE ${where} AND ${shown} AND (i.id, c.id) > ($1::int, $2::int)
 ORDER BY i.id, c.id
 LIMIT ${CHUNK}`;
}

/**
 * `--format prm`: one JSONL/JSON record per reviewed CoT (buildPrmRecord), read in keyset chunks
 * in one read-only snapshot, hashed as written; the manifest carries a dataset_info-like
 * description. The file takes its name only when complete.
 */
export async function writePrmExport(
  client: pg.Client,
  opts: ExportOptions & { outPath: string; exportId?: number | null; stepReviewedOnly?: boolean; onProgress?: (written: number, total: number) => void },
): Promise<ExportManifest> {
  const stepReviewedOnly = opts.stepReviewedOnly ?? true;
  const outPath = path.resolve(opts.outPath);
  const partial = `${outPath}.partial`;
  fs.mkdirSync(path.dirname(outPath), { recursive: true });
  const json = opts.fileFormat === 'json';
  const manifest: ExportManifest & { datasetInfo?: ReturnType<typeof prmDatasetInfo>; steps?: Record<string, number> } = startManifest(opts, outPath, {
    // Not applied to prm (see options.includeMismatched), so nothing is counted under mismatched.
    openEndedMinScore: config().pipeline.check.openEndedMinScore,
    // Process rewards learn from wrong steps too, so a failing answer check never leaves a CoT out here.
    options: { foldOptions: null, includeMismatched: true, trainer: null },
  });
  const steps = { total: 0, correct: 0, neutral: 0, wrong: 0, unlabelled: 0, contradicted: 0 };
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(partial, 'w');
  const write = (s: string) => {
    const b = Buffer.from(s);
    hash.update(b);
    manifest.bytes += b.length;
    fs.writeSync(fd, b);
  };
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const ds = await kyselyOnClient(client).selectFrom('dataset').select('name').where('id', '=', opts.filter.dataset).executeTakeFirst();
    manifest.dataset.name = ds?.name ?? '';
    const where = inlineSql(exportWhere(opts.filter));
    const total = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM item i WHERE ${where}`)).rows[0]?.n ?? 0;
    opts.onProgress?.(0, total);
    if (json) write('[');
    const sql = chunkSql(where, stepReviewedOnly);
    let after = [0, 0];
    const items = new Set<number>();
    for (;;) {
      const { rows } = await client.query<PrmSourceRow>(sql, after);
      if (rows.length === 0) break;
      let out = '';
      for (const r of rows) {
        const rec = buildPrmRecord(r);
        out += json ? `${manifest.records === 0 ? '\n' : ',\n'}${JSON.stringify(rec)}` : `${JSON.stringify(rec)}\n`;
        manifest.records++;
        items.add(r.item_id);
        for (const s of rec.steps as { label: number | null; evidence: { verdict: string } | null }[]) {
          steps.total++;
          if (s.label === 1) steps.correct++;
          else if (s.label === 0) steps.neutral++;
          else if (s.label === -1) steps.wrong++;
          else steps.unlabelled++;
          if (s.evidence?.verdict === 'contradicted') steps.contradicted++;
        }
        manifest.countsByProblemType[r.problem_type] = (manifest.countsByProblemType[r.problem_type] ?? 0) + 1;
        manifest.countsBySource[r.data_source] = (manifest.countsBySource[r.data_source] ?? 0) + 1;
        manifest.countsByDataType[r.data_type] = (manifest.countsByDataType[r.data_type] ?? 0) + 1;
      }
      write(out);
      const last = rows[rows.length - 1]!;
      after = [last.item_id, last.version_id];
      opts.onProgress?.(items.size, total);
    }
    if (json) write(manifest.records === 0 ? ']\n' : '\n]\n');
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    fs.closeSync(fd);
    fs.rmSync(partial, { force: true });
    throw e;
  }
  fs.closeSync(fd);
  manifest.sha256 = hash.digest('hex');
  manifest.datasetInfo = prmDatasetInfo(manifest.records, stepReviewedOnly);
  manifest.steps = steps;
  fs.renameSync(partial, outPath);
  writeManifest(outPath, manifest);
  return manifest;
}
