import type { Prisma, PrismaClient } from '@/generated/prisma/client';
import { parseRepresentation } from '../review/representation';
import { groundSteps, type GroundedStep } from './ground-steps';
import { SPLITTER_VERSION, splitSteps } from './split-steps';

type Db = PrismaClient | Prisma.TransactionClient;

type SourceRow = { id: number; text: string; representation: unknown; duration_sec: number | null; data_type: string };

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
  const rows = await db.$queryRawUnsafe<SourceRow[]>(
    `SELECT c.id, c.text, v.representation, v.duration_sec, i.data_type::text AS data_type
       FROM cot_version c
       JOIN item i ON i.id = c.item_id
       LEFT JOIN video v ON v.id = i.video_id
       LEFT JOIN cot_steps s ON s.version_id = c.id
      WHERE c.id = ANY($1::int[]) AND (s.version_id IS NULL OR s.splitter_version <> $2)`,
    versionIds,
    SPLITTER_VERSION,
  );
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
  await db.$executeRawUnsafe(
    `INSERT INTO cot_steps (version_id, splitter_version, steps, step_count)
     SELECT u.id, $4, u.steps::jsonb, u.n FROM unnest($1::int[], $2::text[], $3::int[]) AS u(id, steps, n)
     ON CONFLICT (version_id) DO UPDATE SET splitter_version = EXCLUDED.splitter_version, steps = EXCLUDED.steps,
            step_count = EXCLUDED.step_count, created_at = now()`,
    ids,
    steps,
    counts,
    SPLITTER_VERSION,
  );
  return rows.length;
}

/** Splits every version of a dataset that has no split yet, in chunks (after an import, or a backfill). */
export async function ensureDatasetSteps(db: Db, datasetId: number, chunk = 2000): Promise<number> {
  let total = 0;
  for (;;) {
    const ids = await db.$queryRawUnsafe<{ id: number }[]>(
      `SELECT c.id FROM cot_version c JOIN item i ON i.id = c.item_id
        WHERE i.dataset_id = $1 AND NOT EXISTS (SELECT 1 FROM cot_steps s WHERE s.version_id = c.id AND s.splitter_version = $2)
        ORDER BY c.id LIMIT $3`,
      datasetId,
      SPLITTER_VERSION,
      chunk,
    );
    if (ids.length === 0) return total;
    total += await ensureCotSteps(
      db,
      ids.map((r) => r.id),
    );
  }
}
