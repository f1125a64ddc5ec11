import type { PrismaClient } from '@/generated/prisma/client';
import { frameHashWords } from '../frame-hash';
import { signatureFromBytes } from '../minhash';

export type LoadedItems = {
  ids: Int32Array;
  videoIds: Int32Array;
  accepted: Uint8Array;
  problemIds: string[];
  signatures: Uint32Array[];
};

/** Every item of the datasets with its question signature (items without one are left out). */
export async function loadItemSignatures(db: PrismaClient, datasetIds: number[]): Promise<LoadedItems> {
  const rows = await db.$queryRawUnsafe<{ id: number; video_id: number | null; accepted: boolean; problem_id: string; minhash: Uint8Array }[]>(
    `SELECT i.id, i.video_id, i.review_status = 'accepted' AS accepted, i.problem_id, s.minhash
       FROM item i JOIN question_signature s ON s.item_id = i.id
      WHERE i.dataset_id = ANY($1::int[]) ORDER BY i.id`,
    datasetIds,
  );
  return {
    ids: Int32Array.from(rows, (r) => r.id),
    videoIds: Int32Array.from(rows, (r) => r.video_id ?? -1),
    accepted: Uint8Array.from(rows, (r) => (r.accepted ? 1 : 0)),
    problemIds: rows.map((r) => r.problem_id),
    signatures: rows.map((r) => signatureFromBytes(r.minhash)),
  };
}

export type LoadedVideos = { ids: number[]; words: Uint32Array[] };

/** The datasets' videos that have frame hashes. */
export async function loadVideoHashes(db: PrismaClient, datasetIds: number[]): Promise<LoadedVideos> {
  const rows = await db.$queryRawUnsafe<{ id: number; frame_hashes: Uint8Array }[]>(
    `SELECT id, frame_hashes FROM video WHERE dataset_id = ANY($1::int[]) AND frame_hashes IS NOT NULL ORDER BY id`,
    datasetIds,
  );
  return { ids: rows.map((r) => r.id), words: rows.map((r) => frameHashWords(r.frame_hashes)) };
}
