import type { PrismaClient } from '@/generated/prisma/client';
import { resolveMediaPath } from '../../media/resolve-path';
import { uniformFrames } from '../../pipeline/frames/frame-cache';
import { frameDHash } from '../frame-hash';

// Hashing needs only a 9×8 thumbnail: frames are sampled small (the plan and the cache are the
// pipeline's), so ffmpeg's decode is the whole cost.
const HASH_FRAME_SIDE = 64;
const CONCURRENCY = 2;

type VideoToHash = { id: number; path: string; duration_sec: number | null; media_root: string };

/** Videos of the datasets that have no frame hashes yet (and did not fail before). */
export async function videosToHash(db: PrismaClient, datasetIds: number[]): Promise<VideoToHash[]> {
  return db.$queryRawUnsafe<VideoToHash[]>(
    `SELECT v.id, v.path, v.duration_sec, d.media_root
       FROM video v JOIN dataset d ON d.id = v.dataset_id
      WHERE v.dataset_id = ANY($1::int[]) AND v.frame_hashes IS NULL AND v.frame_hash_error IS NULL
      ORDER BY v.id`,
    datasetIds,
  );
}

/** The perceptual hashes of one video's `frames` uniform frames, 8 bytes each. */
export async function hashVideoFrames(absPath: string, durationSec: number | null, frames: number): Promise<Buffer> {
  const sampled = await uniformFrames(absPath, durationSec, frames, HASH_FRAME_SIDE);
  return Buffer.concat(await Promise.all(sampled.jpegs.map(frameDHash)));
}

/**
 * Hashes the videos (two ffmpeg processes at a time) and stores each result as it comes; a
 * video that cannot be read keeps its error and is not retried by later scans.
 */
export async function hashVideos(db: PrismaClient, videos: VideoToHash[], frames: number, onDone: (n: number) => Promise<void> | void): Promise<{ hashed: number; failed: number }> {
  let next = 0;
  let hashed = 0;
  let failed = 0;
  const worker = async () => {
    while (next < videos.length) {
      const v = videos[next++]!;
      try {
        const hashes = await hashVideoFrames(resolveMediaPath(v.media_root, v.path), v.duration_sec, frames);
        await db.$executeRawUnsafe(`UPDATE video SET frame_hashes = $2, frame_hashes_at = now(), frame_hash_error = NULL WHERE id = $1`, v.id, hashes);
        hashed++;
      } catch (e) {
        await db.$executeRawUnsafe(`UPDATE video SET frame_hash_error = $2 WHERE id = $1`, v.id, (e as Error).message.slice(0, 1000));
        failed++;
      }
      await onDone(hashed + failed);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { hashed, failed };
}
