import { Prisma } from '@/generated/prisma/client';

// The order a reviewer's queue serves items in: the ONE place it is decided. `id` (the items'
// import order) is the default; a later `risk` order (an item risk score, stored by another
// feature) is one more case here and one more enum value, nothing else.
export const QUEUE_ORDERS = ['id'] as const;
export type QueueOrder = (typeof QUEUE_ORDERS)[number];

/** ORDER BY terms over item alias `i` (id last, so the order is total). */
export function queueOrderSql(order: QueueOrder): Prisma.Sql {
  switch (order) {
    case 'id':
      return Prisma.sql`i.id`;
  }
}
