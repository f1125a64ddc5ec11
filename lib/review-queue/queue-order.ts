import { sql, type RawBuilder } from 'kysely';

// The order a reviewer's queue serves items in: the ONE place it is decided. `id` (the items'
// import order) is the default; `risk` serves the riskiest item first (item.risk_score, kept by
// the refresh_item_risk triggers; lib/risk explains it), backed by the (risk_score, id) index.
export const QUEUE_ORDERS = ['id', 'risk'] as const;
export type QueueOrder = (typeof QUEUE_ORDERS)[number];

/** ORDER BY terms over item alias `i` (id last, so the order is total). */
export function queueOrderSql(order: QueueOrder): RawBuilder<unknown> {
  switch (order) {
    case 'id':
      return sql`i.id`;
    case 'risk':
      return sql`i.risk_score DESC, i.id DESC`;
  }
}
