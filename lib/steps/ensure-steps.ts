import { sql } from 'kysely';
import { kdb, type PrismaDb } from '@/lib/db/kysely';
import { parseRepresentation } from '../cot/representation';
import { groundSteps, type GroundedStep } from './ground-steps';
import { SPLITTER_VERSION, splitSteps } from './split-steps';

type Db = PrismaDb;

/** Splits a version's text and grounds its steps in the item's video (pure; for tests and benches). */
export function computeSteps(text: string, representation: unknown, durationSec: number | null): GroundedStep[] {
  return groundSteps(splitSteps(text), parseRepresentation(representation), durationSec);
}

/**
 * Stores the split of every listed version that has none yet (or one from an older splitter),
 * in one read and one write. Safe to run twice at once: the write is an upsert on version id
 * and the split is deterministic, so racing callers store the same thing.
 */
export async function ensureCotSteps(db: Db, versionIds: number[]): Promise<number> {
  if (versionIds.length === 0) return 0;
  const rows = await kdb(db)
    .selectFrom('cot_version as c')
    .innerJoin('item as i', 'i.id', 'c.item_id')
    .leftJoin('video as v', 'v.id', 'i.video_id')
    .leftJoin('cot_steps as s', 's.version_id', 'c.id')
    .select(['c.id', 'c.text', 'v.representation', 'v.duration_sec', sql<string>`i.data_type::text`.as('data_type')])
    .where(sql<boolean>`c.id = ANY(${versionIds}::int[])`)
    .where((eb) => eb.or([eb('s.version_id', 'is', null), eb('s.splitter_version', '<>', SPLITTER_VERSION)]))
    .execute();
  if (rows.length === 0) return 0;
  const ids: number[] = [];
  const steps: string[] = [];
  const counts: number[] = [];
  for (const r of rows) {
    const s = computeSteps(r.text, r.data_type === 'video' ? r.representation : null, r.duration_sec);
    ids.push(r.id);
    steps.push(JSON.stringify(s));
    counts.push(s.length);
  }
  await sql`INSERT INTO cot_steps (version_id, splitter_version, steps, step_count)
     SELECT u.id, ${SPLITTER_VERSION}::int, u.steps::jsonb, u.n FROM unnest(${ids}::int[], ${steps}::text[], ${counts}::int[]) AS u(id, steps, n)
     ON CONFLICT (version_id) DO UPDATE SET splitter_version = EXCLUDED.splitter_version, steps = EXCLUDED.steps,
            step_count = EXCLUDED.step_count, created_at = now()`.execute(kdb(db));
  return rows.length;
}

/** Splits every version of a dataset that has no split yet, in chunks (after an import, or a backfill). */
export async function ensureDatasetSteps(db: Db, datasetId: number, chunk = 2000): Promise<number> {
  let total = 0;
  for (;;) {
    const ids = await kdb(db)
      .selectFrom('cot_version as c')
      .innerJoin('item as i', 'i.id', 'c.item_id')
      .select('c.id')
      .where('i.dataset_id', '=', datasetId)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('cot_steps as s').select(sql.lit(1).as('one')).whereRef('s.version_id', '=', 'c.id').where('s.splitter_version', '=', SPLITTER_VERSION))),
      )
      .orderBy('c.id')
      .limit(chunk)
      .execute();
    if (ids.length === 0) return total;
    total += await ensureCotSteps(
      db,
      ids.map((r) => r.id),
    );
  }
}
