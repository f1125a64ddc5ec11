import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import { minhash, questionText, signatureToBytes } from '../minhash';

const CHUNK = 5000;

// The digest of the text a signature was taken over, computed by PostgreSQL on both sides of
// the comparison so a re-imported, changed question is signed again.
const digest = sql<string>`md5(i.problem || E'\\n' || array_to_string(i.options, E'\\n'))`;

/**
 * MinHash signatures for the datasets' items that have none, or whose question changed:
 * read in id order chunk by chunk, signed in this process, written with one statement per chunk.
 */
export async function signQuestions(db: PrismaClient, datasetIds: number[], shingleWords: number, onChunk: (n: number) => Promise<void> | void): Promise<number> {
  let after = 0;
  let signed = 0;
  for (;;) {
    const rows = await kdb(db)
      .selectFrom('item as i')
      .leftJoin('question_signature as s', 's.item_id', 'i.id')
      .select(['i.id', 'i.problem', 'i.options', digest.as('digest')])
      .where('i.dataset_id', '=', sql<number>`ANY(${datasetIds}::int[])`)
      .where('i.id', '>', after)
      .where((eb) => eb.or([eb('s.item_id', 'is', null), eb('s.text_digest', '<>', digest)]))
      .orderBy('i.id')
      .limit(CHUNK)
      .execute();
    if (rows.length === 0) return signed;
    const sigs = rows.map((r) => signatureToBytes(minhash(questionText(r.problem, r.options), shingleWords)));
    await kdb(db)
      .insertInto('question_signature')
      .columns(['item_id', 'text_digest', 'minhash'])
      .expression(sql`SELECT * FROM unnest(${rows.map((r) => r.id)}::int[], ${rows.map((r) => r.digest)}::text[], ${sigs}::bytea[])`)
      .onConflict((oc) => oc.column('item_id').doUpdateSet((eb) => ({ text_digest: eb.ref('excluded.text_digest'), minhash: eb.ref('excluded.minhash') })))
      .execute();
    signed += rows.length;
    after = rows[rows.length - 1]!.id;
    await onChunk(signed);
  }
}
