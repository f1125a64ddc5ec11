import type { PrismaClient } from '@/generated/prisma/client';
import { probeMedia } from './probe';
import { isRemoteUrl, resolveMediaPath } from './resolve-path';
import { assertRemoteMediaAllowed } from './remote-media';

/**
 * Records duration, frame rate and size of a dataset's videos (the player steps frames at the
 * real rate). Only videos not probed yet are touched, so a retried job redoes nothing; a file
 * that cannot be probed gets its error recorded instead of failing the whole batch.
 */
export async function probeVideos(
  db: PrismaClient,
  opts: { datasetId: number; videoIds?: number[]; onProgress?: (done: number, total: number) => void },
): Promise<{ probed: number; failed: number }> {
  const dataset = await db.dataset.findUnique({ where: { id: opts.datasetId } });
  if (!dataset) return { probed: 0, failed: 0 };
  const videos = await db.video.findMany({
    where: { datasetId: opts.datasetId, probedAt: null, ...(opts.videoIds ? { id: { in: opts.videoIds } } : {}) },
    orderBy: { id: 'asc' },
  });
  let probed = 0;
  let failed = 0;
  for (const v of videos) {
    try {
      // A URL is fetched by ffprobe: only from the dataset's allowed remote prefixes (never an oracle for internal hosts).
      if (isRemoteUrl(v.path)) await assertRemoteMediaAllowed(v.path, dataset.remoteMediaPrefixes);
      const file = isRemoteUrl(v.path) ? v.path : resolveMediaPath(dataset.mediaRoot, v.path);
      const m = await probeMedia(file);
      await db.video.update({
        where: { id: v.id },
        data: {
          durationSec: m.durationSec,
          fps: m.fps,
          width: m.width,
          height: m.height,
          frameCount: m.frameCount,
          probedAt: new Date(),
          probeError: null,
        },
      });
      probed++;
    } catch (e) {
      await db.video.update({ where: { id: v.id }, data: { probeError: (e as Error).message.slice(0, 2000), probedAt: new Date() } });
      failed++;
    }
    opts.onProgress?.(probed + failed, videos.length);
  }
  return { probed, failed };
}
