import fs from 'node:fs/promises';
import { sql } from 'kysely';
import { kdb, type PrismaDb } from '@/lib/db/kysely';
import { AppError } from '../errors';
import { isRemoteUrl, resolveMediaPath } from '../media/resolve-path';
import { curationFrames, uniformFrames } from '../frames/frame-cache';
import { planFrames, planUniformFrames } from '../frames/frame-plan';
import type { FrameSettings } from '../frames/frame-settings';
import { cachedFrame, frameCacheDir } from './frame-disk-cache';

type Db = PrismaDb;

/** The part of the pipeline settings (lib/pipeline/settings.ts) the stages' frame plans come from. */
type StageFrameSettings = { frames: FrameSettings; consistencyFrames: number };

// The frames each stage sent a model for one item, recomputed from the same sampling plans the
// stages use (lib/frames/frame-plan.ts), so the strip shows what the model saw:
// represent and revise the curation plan (fps capped by max frames), consistency its uniform
// frames, evidence the subset of curation frames each claim was checked on.

export type StageFrameSet = { stage: 'represent' | 'revise' | 'evidence' | 'consistency'; plan: 'curation' | 'uniform'; indices: number[]; seconds: number[] };
export type ItemStageFrames = { itemId: number; durationSec: number | null; curation: number[]; uniform: number[]; stages: StageFrameSet[] };

type Row = {
  duration_sec: number | null;
  data_type: string;
  represented: boolean;
  revision_frames: string | null;
  consistency: boolean;
  evidence_seconds: number[] | null;
};

export async function getItemStageFrames(db: Db, itemId: number, settings: StageFrameSettings): Promise<ItemStageFrames> {
  const {
    rows: [row],
  } = await sql<Row>`SELECT v.duration_sec, i.data_type::text AS data_type, v.representation_at IS NOT NULL AS represented,
            (SELECT c.params->>'videoInput' FROM cot_version c WHERE c.id = i.current_revision_id) AS revision_frames,
            i.consistency_score IS NOT NULL AS consistency,
            (SELECT array_agg(DISTINCT f::float8 ORDER BY f::float8) FROM step_evidence e, jsonb_array_elements_text(e.frames) f
              WHERE e.version_id IN (i.current_draft_id, i.current_revision_id)) AS evidence_seconds
       FROM item i LEFT JOIN video v ON v.id = i.video_id WHERE i.id = ${itemId}`.execute(kdb(db));
  if (!row) throw new AppError('NOT_FOUND', `Item ${itemId} not found`);
  const d = row.data_type === 'video' ? row.duration_sec : null;
  const curation = planFrames({ durationSec: d, fps: settings.frames.fps, maxFrames: settings.frames.maxFrames }).seconds;
  const uniform = planUniformFrames({ durationSec: d, count: settings.consistencyFrames }).seconds;
  const all = (seconds: number[]) => seconds.map((_, i) => i);
  const stages: StageFrameSet[] = [];
  if (row.represented) stages.push({ stage: 'represent', plan: 'curation', indices: all(curation), seconds: curation });
  // A revision sent as video_url saw the clip, not frames: nothing to show.
  if (row.revision_frames === 'frames') stages.push({ stage: 'revise', plan: 'curation', indices: all(curation), seconds: curation });
  if (row.evidence_seconds?.length) {
    const indices = row.evidence_seconds.map((t) => curation.findIndex((c) => Math.abs(c - t) < 1e-3)).filter((i) => i >= 0);
    stages.push({ stage: 'evidence', plan: 'curation', indices, seconds: indices.map((i) => curation[i]!) });
  }
  if (row.consistency) stages.push({ stage: 'consistency', plan: 'uniform', indices: all(uniform), seconds: uniform });
  return { itemId, durationSec: d, curation, uniform, stages };
}

/**
 * One sampled frame as JPEG. From the disk cache under `dataDir` (lib/steps/frame-disk-cache.ts);
 * on a miss the stages' frame cache samples the plan (ffmpeg runs once per video and plan) and
 * every frame of it is written to disk, so the web process runs ffmpeg once per clip version.
 */
export async function stageFrameJpeg(
  db: Db,
  opts: { itemId: number; plan: 'curation' | 'uniform'; index: number; settings: StageFrameSettings; dataDir: string },
): Promise<Buffer> {
  const row = await kdb(db)
    .selectFrom('item as i')
    .innerJoin('dataset as ds', 'ds.id', 'i.dataset_id')
    .leftJoin('video as v', 'v.id', 'i.video_id')
    .select(['ds.media_root', 'i.path', 'v.duration_sec', sql<string>`i.data_type::text`.as('data_type')])
    .where('i.id', '=', opts.itemId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `Item ${opts.itemId} not found`);
  if (isRemoteUrl(row.path)) throw new AppError('NOT_FOUND', 'Frames of remote media are not served');
  const clip = resolveMediaPath(row.media_root, row.path);
  const duration = row.data_type === 'video' ? row.duration_sec : null;
  const s = opts.settings.frames;
  const mtime = await fs.stat(clip).then(
    (st) => st.mtimeMs,
    () => {
      throw new AppError('NOT_FOUND', `The media file of item ${opts.itemId} is missing`);
    },
  );
  const params = opts.plan === 'curation' ? ['c', s.fps, s.maxFrames, s.maxSide] : ['u', opts.settings.consistencyFrames, s.maxSide];
  const dir = frameCacheDir(opts.dataDir, [clip, mtime, duration, ...params]);
  const jpeg = await cachedFrame(dir, opts.index, async () =>
    (opts.plan === 'curation' ? await curationFrames(clip, duration, s) : await uniformFrames(clip, duration, opts.settings.consistencyFrames, s.maxSide)).jpegs,
  );
  if (!jpeg) throw new AppError('NOT_FOUND', `Frame ${opts.index} is not in the ${opts.plan} plan`);
  return jpeg;
}
