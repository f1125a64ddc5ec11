import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import type { Stage } from '@/generated/prisma/enums';
import type { ProblemType } from '../../answers/problem-types';
import { stagesLoading } from '../stages/registry';

type Version = { id: number; text: string; answer: string | null; consistencyScore: number | null };

/** Everything a stage reads about its item or video, loaded with the claim in one statement. */
export type ClaimSubject = {
  mediaRoot: string;
  /** The dataset's allowed remote media prefixes (lib/media/remote-media.ts). */
  remoteMediaPrefixes: string[];
  item: { id: number; problem: string; options: string[]; problemType: ProblemType; solution: string; path: string; dataType: 'video' | 'image'; consistencyScore: number | null } | null;
  video: { id: number; path: string; durationSec: number | null; dataType: 'video' | 'image'; representation: unknown } | null;
  draft: Version | null;
  revision: Version | null;
};

export type Claim = {
  resultId: number;
  runId: number;
  stage: Stage;
  itemId: number | null;
  videoId: number | null;
  /** This attempt's number: only the newest attempt may save (a fencing token). */
  attempt: number;
  /** The run's count epoch when claimed (see RunCounterBuffer). */
  countEpoch: number;
  datasetId: number;
  modelConfig: unknown;
  promptVersion: string | null;
  subject: ClaimSubject;
};

type Row = {
  id: number;
  run_id: number;
  stage: Stage;
  item_id: number | null;
  video_id: number | null;
  attempts: number;
  count_epoch: number;
  dataset_id: number;
  model_config: unknown;
  prompt_version: string | null;
  media_root: string;
  remote_media_prefixes: string[];
  problem: string | null;
  options: string[] | null;
  problem_type: ProblemType | null;
  solution: string | null;
  item_path: string | null;
  item_data_type: 'video' | 'image' | null;
  item_consistency: number | null;
  v_id: number | null;
  video_path: string | null;
  duration_sec: number | null;
  video_data_type: 'video' | 'image' | null;
  representation: unknown;
  d_id: number | null;
  d_text: string | null;
  d_answer: string | null;
  d_consistency: number | null;
  r_id: number | null;
  r_text: string | null;
  r_answer: string | null;
  r_consistency: number | null;
};

/**
 * Takes a result for work. A result already done, failed, skipped or cancelled is left alone
 * (the job was a duplicate or the run was cancelled): returns null and the job is acknowledged.
 * A result still `running` is taken over: its worker died or its job expired, and the newer
 * attempt number stops the older one from saving. The worker's id is noted on the result so
 * a worker that died holding it can be recognised (see requeueResultsOfDeadWorkers).
 *
 * The same statement returns what the stage needs (item, video, current CoTs): one round trip
 * per job instead of several.
 */
export async function claimResult(db: PrismaClient, resultId: number, workerId: string | null = null): Promise<Claim | null> {
  return (await claimResults(db, [resultId], workerId)).get(resultId) ?? null;
}

/** claimResult for the several jobs one fetch returned, in one statement. */
export async function claimResults(db: PrismaClient, resultIds: number[], workerId: string | null = null): Promise<Map<number, Claim>> {
  if (resultIds.length === 0) return new Map();
  // What each stage reads, from its definition's `loads`.
  const { rows } = await sql<Row>`WITH c AS (
       UPDATE stage_result r SET status = 'running', attempts = r.attempts + 1, started_at = now(), finished_at = NULL, error = NULL,
              data = CASE WHEN ${workerId}::text IS NULL THEN NULL ELSE jsonb_build_object('worker', ${workerId}::text) END
         FROM pipeline_run p
        WHERE r.id = ANY(${resultIds}::int[]) AND r.status IN ('pending', 'running') AND p.id = r.run_id AND p.status IN ('queued', 'running')
        RETURNING r.id, r.run_id, r.stage, r.item_id, r.video_id, r.attempts, p.count_epoch, p.dataset_id, p.model_config, p.prompt_version, p.status AS run_status
     ), s AS (
       UPDATE pipeline_run SET status = 'running', started_at = COALESCE(started_at, now())
        WHERE id IN (SELECT run_id FROM c) AND status = 'queued'
     )
     SELECT c.id, c.run_id, c.stage, c.item_id, c.video_id, c.attempts, c.count_epoch, c.dataset_id, c.model_config, c.prompt_version, ds.media_root, ds.remote_media_prefixes,
            i.problem, i.options, i.problem_type::text AS problem_type, i.solution, i.path AS item_path, i.data_type::text AS item_data_type,
            i.consistency_score AS item_consistency,
            v.id AS v_id, v.path AS video_path, v.duration_sec, v.data_type::text AS video_data_type,
            CASE WHEN c.stage::text = ANY(${stagesLoading('representation')}::text[]) THEN v.representation END AS representation,
            dv.id AS d_id, dv.text AS d_text, dv.answer AS d_answer, dv.consistency_score AS d_consistency,
            rv.id AS r_id, rv.text AS r_text, rv.answer AS r_answer, rv.consistency_score AS r_consistency
       FROM c
       JOIN dataset ds ON ds.id = c.dataset_id
       LEFT JOIN item i ON i.id = c.item_id
       LEFT JOIN video v ON v.id = COALESCE(c.video_id, i.video_id)
       LEFT JOIN cot_version dv ON dv.id = i.current_draft_id AND c.stage::text = ANY(${stagesLoading('draft')}::text[])
       LEFT JOIN cot_version rv ON rv.id = i.current_revision_id AND c.stage::text = ANY(${stagesLoading('revision')}::text[])`.execute(kdb(db));
  return new Map(rows.map((r) => [r.id, toClaim(r)]));
}

function toClaim(r: Row): Claim {
  const version = (id: number | null, text: string | null, answer: string | null, consistency: number | null): Version | null =>
    id === null || text === null ? null : { id, text, answer, consistencyScore: consistency };
  return {
    resultId: r.id,
    runId: r.run_id,
    stage: r.stage,
    itemId: r.item_id,
    videoId: r.video_id,
    attempt: r.attempts,
    countEpoch: r.count_epoch,
    datasetId: r.dataset_id,
    modelConfig: r.model_config,
    promptVersion: r.prompt_version,
    subject: {
      mediaRoot: r.media_root,
      remoteMediaPrefixes: r.remote_media_prefixes,
      item:
        r.item_id !== null && r.problem !== null
          ? { id: r.item_id, problem: r.problem, options: r.options ?? [], problemType: r.problem_type!, solution: r.solution ?? '', path: r.item_path ?? '', dataType: r.item_data_type ?? 'video', consistencyScore: r.item_consistency }
          : null,
      video: r.v_id !== null ? { id: r.v_id, path: r.video_path ?? '', durationSec: r.duration_sec, dataType: r.video_data_type ?? 'video', representation: r.representation } : null,
      draft: version(r.d_id, r.d_text, r.d_answer, r.d_consistency),
      revision: version(r.r_id, r.r_text, r.r_answer, r.r_consistency),
    },
  };
}
