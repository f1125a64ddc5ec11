import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import { resolveMediaPath } from '../../media/resolve-path';
import { uniformFrames } from '../../frames/frame-cache';
import { frameDHash } from '../frame-hash';

// Hashing needs only a 9×8 thumbnail: frames are sampled small (the plan and the cache are the
// pipeline's), so ffmpeg's decode is the whole cost.
const HASH_FRAME_SIDE = 64;
const CONCURRENCY = 2;

type VideoToHash = Awaited<ReturnType<typeof videosToHash>>[number];

/** Videos of the datasets that have no frame hashes yet (and did not fail before). */
export async function videosToHash(db: PrismaClient, datasetIds: number[]) {
  return kdb(db)
    .selectFrom('video as v')
    .innerJoin('dataset as d', 'd.id', 'v.dataset_id')
    .select(['v.id', 'v.path', 'v.duration_sec', 'd.media_root'])
    .where('v.dataset_id', '=', sql<number>`ANY(${datasetIds}::int[])`)
    .where('v.frame_hashes', 'is', null)
    .where('v.frame_hash_error', 'is', null)
    .orderBy('v.id')
    .execute();
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
        await kdb(db).updateTable('video').set({ frame_hashes: hashes, frame_hashes_at: sql`now()`, frame_hash_error: null }).where('id', '=', v.id).execute();
        hashed++;
      } catch (e) {
        await kdb(db).updateTable('video').set({ frame_hash_error: (e as Error).message.slice(0, 1000) }).where('id', '=', v.id).execute();
        failed++;
      }
      await onDone(hashed + failed);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { hashed, failed };
}
