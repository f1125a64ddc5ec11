import { sql } from 'kysely';
import { Prisma, type PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import { AppError } from '../errors';
import { itemFilterToSearchParams, parseItemFilter } from '../items/filter';
import { matchingItemsSql } from '../items/filter-sql';
import type { BulkOperation, BulkSelection } from './bulk-input';
import { sendBackApplies } from './send-back';
import { chosenFailsAnswerCheckSql, chosenVersionSql } from './accept-choice';

export type PreparedBulkAction = {
  id: number;
  datasetId: number;
  type: BulkOperation['type'];
  /** Exactly the number of items applying the action will change. */
  count: number;
  /** Items the selection matched that the action does not apply to (e.g. accepting an item with no CoT). */
  skipped: number;
  /** Accepts: items with a CoT to accept whose answer check fails; in `count` only when includeMismatched. */
  mismatched: number;
  includeMismatched: boolean;
  /** Items the selection matched outside the reviewer's assigned work (`scope`), left out; null without a scope. */
  outsideScope: number | null;
  createdAt: string;
};

// Items of an assignment asking several reviews are settled by their reviewers' own votes or by
// adjudication, never by one bulk decision: bulk accepts and rejects skip them (counted in `skipped`).
const NOT_UNDER_CONSENSUS = Prisma.sql`NOT EXISTS (SELECT 1 FROM assignment_item ai JOIN assignment a ON a.id = ai.assignment_id
                                                   WHERE ai.item_id = i.id AND a.required_reviews > 1)`;

/** Which matched items the operation can change (over `i`). */
function appliesSql(op: BulkOperation): Prisma.Sql {
  switch (op.type) {
    case 'accept':
      return Prisma.sql`${chosenVersionSql(op.version)} IS NOT NULL AND ${NOT_UNDER_CONSENSUS}`;
    case 'reject':
      return NOT_UNDER_CONSENSUS;
    case 'send_back':
      return sendBackApplies(op.stage);
  }
}

function operationParams(op: BulkOperation): Prisma.InputJsonObject {
  return Object.fromEntries(Object.entries(op).filter(([k]) => k !== 'type'));
}

/**
 * The first half of a bulk action: resolves the selection on the server now and freezes the
 * matching item ids in the action. The count returned is what the confirmation shows, and
 * applyBulkAction changes exactly those items — however the filter's matches move in between.
 * `restrict` narrows the selection further (acceptance sampling excludes the sample with it).
 * `scope` narrows it to a reviewer's assigned work and counts what it left out, so the
 * confirmation can say "12 of the 40 selected items are in your assignments".
 */
export async function prepareBulkAction(
  db: PrismaClient,
  opts: { selection: BulkSelection; operation: BulkOperation; actorId: string | null; sampleId?: number; restrict?: Prisma.Sql; scope?: Prisma.Sql },
): Promise<PreparedBulkAction> {
  const { selection, operation } = opts;
  // bad: an accept whose chosen CoT fails the answer check (the same rule as a single decision).
  const bad = operation.type === 'accept' ? chosenFailsAnswerCheckSql(operation.version) : Prisma.sql`FALSE`;
  const includeBad = operation.type === 'accept' && operation.includeMismatched === true;
  const columns = Prisma.sql`i.id, (${appliesSql(operation)}) AS ok, (${bad}) AS bad, COALESCE((${opts.scope ?? Prisma.sql`TRUE`}), FALSE) AS mine`;
  let datasetId: number;
  let matched: Prisma.Sql;
  let storedSelection: Prisma.InputJsonObject;
  if (selection.kind === 'filter') {
    const filter = parseItemFilter(new URLSearchParams(selection.filter));
    datasetId = filter.dataset;
    const exclude = Prisma.sql`NOT (i.id = ANY(${selection.exclude}::int[]))`;
    matched = matchingItemsSql(filter, columns, opts.restrict ? Prisma.sql`${exclude} AND ${opts.restrict}` : exclude);
    storedSelection = { kind: 'filter', filter: itemFilterToSearchParams(filter).toString(), exclude: selection.exclude };
  } else {
    datasetId = selection.dataset;
    const ids = [...new Set(selection.ids)];
    matched = Prisma.sql`SELECT ${columns} FROM item i WHERE i.dataset_id = ${datasetId} AND i.id = ANY(${ids}::int[])${opts.restrict ? Prisma.sql` AND ${opts.restrict}` : Prisma.empty}`;
    storedSelection = { kind: 'ids', ids };
  }
  const dataset = await db.dataset.findUnique({ where: { id: datasetId }, select: { id: true } });
  if (!dataset) throw new AppError('NOT_FOUND', `Dataset ${datasetId} not found`);

  return db.$transaction(
    async (tx) => {
      // Confirmations nobody confirmed hold up to a dataset's worth of ids each: drop old ones.
      await kdb(tx).deleteFrom('bulk_action').where('state', '=', 'prepared').where('created_at', '<', sql<Date>`now() - interval '1 day'`).execute();
      const action = await tx.bulkAction.create({
        data: {
          datasetId,
          type: operation.type,
          params: operationParams(operation),
          selection: storedSelection,
          createdById: opts.actorId,
          sampleId: opts.sampleId ?? null,
        },
        select: { id: true, createdAt: true },
      });
      const [row] = await tx.$queryRaw<{ count: number; skipped: number; mismatched: number; outside: number }[]>`
        WITH m AS MATERIALIZED (${matched})
        UPDATE bulk_action
           SET item_ids = ARRAY(SELECT id FROM m WHERE ok AND mine AND (${includeBad} OR NOT bad) ORDER BY id),
               count = (SELECT count(*) FROM m WHERE ok AND mine AND (${includeBad} OR NOT bad)),
               skipped = (SELECT count(*) FROM m WHERE NOT ok AND mine),
               mismatched = (SELECT count(*) FROM m WHERE ok AND mine AND bad)
         WHERE id = ${action.id}
        RETURNING count, skipped, mismatched, (SELECT count(*) FROM m WHERE NOT mine)::int AS outside`;
      return {
        id: action.id,
        datasetId,
        type: operation.type,
        count: row?.count ?? 0,
        skipped: row?.skipped ?? 0,
        mismatched: row?.mismatched ?? 0,
        includeMismatched: includeBad,
        outsideScope: opts.scope ? (row?.outside ?? 0) : null,
        createdAt: action.createdAt.toISOString(),
      };
    },
    { timeout: 120_000 },
  );
}
