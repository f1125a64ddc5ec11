import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import { AppError } from '../errors';

export const DIFF_REASONS = ['added', 'removed', 'changedCot', 'changedDecision'] as const;
export type DiffReason = (typeof DIFF_REASONS)[number];

const SAMPLE = 50;

/**
 * What changed from release `from` to release `to`, per reason: items added, items removed,
 * items whose accepted CoT version changed, items whose decision (status or decision time)
 * changed. Counted in one set-based pass over the two item lists; a few examples per reason.
 */
export async function diffReleases(db: PrismaClient, opts: { from: number; to: number }) {
  const rels = await db.release.findMany({ where: { id: { in: [opts.from, opts.to] } }, select: { id: true, name: true, itemCount: true, createdAt: true } });
  const from = rels.find((r) => r.id === opts.from);
  const to = rels.find((r) => r.id === opts.to);
  if (!from) throw new AppError('NOT_FOUND', `Release ${opts.from} not found`);
  if (!to) throw new AppError('NOT_FOUND', `Release ${opts.to} not found`);
  const { rows } = await sql<{ reason: DiffReason; n: number; examples: { itemId: number; problemId: string | null }[] | null }>`
    WITH a AS (SELECT * FROM release_item WHERE release_id = ${opts.from}),
          b AS (SELECT * FROM release_item WHERE release_id = ${opts.to}),
          d AS (
            SELECT COALESCE(a.item_id, b.item_id) AS item_id,
                   a.item_id IS NULL AS added, b.item_id IS NULL AS removed,
                   a.item_id IS NOT NULL AND b.item_id IS NOT NULL AND a.cot_version_id IS DISTINCT FROM b.cot_version_id AS changed_cot,
                   a.item_id IS NOT NULL AND b.item_id IS NOT NULL
                     AND (a.review_status <> b.review_status OR a.reviewed_at IS DISTINCT FROM b.reviewed_at) AS changed_decision
              FROM a FULL JOIN b ON a.item_id = b.item_id
          ),
          r AS (
            SELECT 'added' AS reason, item_id FROM d WHERE added
            UNION ALL SELECT 'removed', item_id FROM d WHERE removed
            UNION ALL SELECT 'changedCot', item_id FROM d WHERE changed_cot
            UNION ALL SELECT 'changedDecision', item_id FROM d WHERE changed_decision
          )
     SELECT r.reason, count(*)::int AS n,
            (SELECT json_agg(json_build_object('itemId', x.item_id, 'problemId', i.problem_id) ORDER BY x.item_id)
               FROM (SELECT item_id FROM r r2 WHERE r2.reason = r.reason ORDER BY item_id LIMIT ${SAMPLE}) x
               LEFT JOIN item i ON i.id = x.item_id) AS examples
       FROM r GROUP BY r.reason`.execute(kdb(db));
  const counts = Object.fromEntries(DIFF_REASONS.map((k) => [k, 0])) as Record<DiffReason, number>;
  const examples = Object.fromEntries(DIFF_REASONS.map((k) => [k, [] as { itemId: number; problemId: string | null }[]])) as Record<DiffReason, { itemId: number; problemId: string | null }[]>;
  for (const r of rows) {
    counts[r.reason] = r.n;
    examples[r.reason] = r.examples ?? [];
  }
  return {
    from: { id: from.id, name: from.name, itemCount: from.itemCount, createdAt: from.createdAt.toISOString() },
    to: { id: to.id, name: to.name, itemCount: to.itemCount, createdAt: to.createdAt.toISOString() },
    counts,
    examples,
  };
}
