import { sql, type NotNull } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
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
  const rows = await kdb(db)
    .selectFrom('item as i')
    .innerJoin('question_signature as s', 's.item_id', 'i.id')
    .select(['i.id', 'i.video_id', 'i.problem_id', 's.minhash'])
    .select((eb) => eb('i.review_status', '=', 'accepted').as('accepted'))
    .where('i.dataset_id', '=', sql<number>`ANY(${datasetIds}::int[])`)
    .orderBy('i.id')
    .execute();
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
  const rows = await kdb(db)
    .selectFrom('video')
    .select(['id', 'frame_hashes'])
    .where('dataset_id', '=', sql<number>`ANY(${datasetIds}::int[])`)
    .where('frame_hashes', 'is not', null)
    .orderBy('id')
    .$narrowType<{ frame_hashes: NotNull }>()
    .execute();
  return { ids: rows.map((r) => r.id), words: rows.map((r) => frameHashWords(r.frame_hashes)) };
}
