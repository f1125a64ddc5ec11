import type { PrismaClient } from '@/generated/prisma/client';
import { minhash, questionText, signatureToBytes } from '../minhash';

const CHUNK = 5000;

// The digest of the text a signature was taken over, computed by PostgreSQL on both sides of
// the comparison so a re-imported, changed question is signed again.
const DIGEST_SQL = `md5(i.problem || E'\\n' || array_to_string(i.options, E'\\n'))`;

/**
 * MinHash signatures for the datasets' items that have none, or whose question changed:
 * read in id order chunk by chunk, signed in this process, written with one statement per chunk.
 */
export async function signQuestions(db: PrismaClient, datasetIds: number[], shingleWords: number, onChunk: (n: number) => Promise<void> | void): Promise<number> {
  let after = 0;
  let signed = 0;
  for (;;) {
    const rows = await db.$queryRawUnsafe<{ id: number; problem: string; options: string[]; digest: string }[]>(
      `SELECT i.id, i.problem, i.options, ${DIGEST_SQL} AS digest
         FROM item i LEFT JOIN question_signature s ON s.item_id = i.id
        WHERE i.dataset_id = ANY($1::int[]) AND i.id > $2 AND (s.item_id IS NULL OR s.text_digest <> ${DIGEST_SQL})
        ORDER BY i.id LIMIT ${CHUNK}`,
      datasetIds,
      after,
    );
    if (rows.length === 0) return signed;
    const sigs = rows.map((r) => signatureToBytes(minhash(questionText(r.problem, r.options), shingleWords)));
    await db.$executeRawUnsafe(
      `INSERT INTO question_signature (item_id, text_digest, minhash)
       SELECT * FROM unnest($1::int[], $2::text[], $3::bytea[])
       ON CONFLICT (item_id) DO UPDATE SET text_digest = EXCLUDED.text_digest, minhash = EXCLUDED.minhash`,
      rows.map((r) => r.id),
      rows.map((r) => r.digest),
      sigs,
    );
    signed += rows.length;
    after = rows[rows.length - 1]!.id;
    await onChunk(signed);
  }
}
