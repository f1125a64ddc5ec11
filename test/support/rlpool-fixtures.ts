import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PrismaClient } from '@/generated/prisma/client';
import { ffmpegPath } from '@/lib/media/ffmpeg-path';
import { uniq } from './db';

/** A folder of short clips: `clips` maps a file name to an ffmpeg lavfi source and a size. */
export function renderClips(clips: Record<string, { source: string; size: string; crf?: number }>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cot-rlpool-'));
  for (const [name, c] of Object.entries(clips)) {
    execFileSync(ffmpegPath(), ['-v', 'error', '-f', 'lavfi', '-i', `${c.source}=size=${c.size}:rate=5`, '-t', '4', '-pix_fmt', 'yuv420p', '-crf', String(c.crf ?? 23), '-y', path.join(dir, name)]);
  }
  return dir;
}

export type ItemSpec = { problemId: string; problem: string; options?: string[]; path: string; type?: 'multiple_choice' | 'numerical' | 'free_form'; solution?: string; source?: string; status?: 'pending' | 'accepted' };

/** A dataset with one video row per distinct path and the given items. */
export async function seedRlDataset(db: PrismaClient, opts: { mediaRoot: string; items: ItemSpec[]; evaluationSet?: boolean; label?: string }) {
  const ds = await db.dataset.create({ data: { name: uniq(opts.label ?? 'rl'), mediaRoot: opts.mediaRoot, isEvaluationSet: opts.evaluationSet ?? false } });
  const paths = [...new Set(opts.items.map((i) => i.path))];
  await db.video.createMany({ data: paths.map((p) => ({ datasetId: ds.id, path: p })) });
  const videos = await db.video.findMany({ where: { datasetId: ds.id } });
  const videoId = new Map(videos.map((v) => [v.path, v.id]));
  await db.item.createMany({
    data: opts.items.map((i) => ({
      datasetId: ds.id,
      videoId: videoId.get(i.path)!,
      problemId: i.problemId,
      problem: i.problem,
      options: i.options ?? [],
      problemType: i.type ?? 'multiple_choice',
      dataType: 'video' as const,
      path: i.path,
      dataSource: i.source ?? 'SRC',
      solution: i.solution ?? '<answer>A</answer>',
      groundTruth: (i.solution ?? '<answer>A</answer>').replace(/<\/?answer>/g, ''),
      reviewStatus: i.status ?? 'pending',
    })),
  });
  const items = await db.item.findMany({ where: { datasetId: ds.id }, orderBy: { id: 'asc' } });
  return { dataset: ds, items, byProblemId: new Map(items.map((i) => [i.problemId, i])) };
}
