import type { Prisma } from '@/generated/prisma/client';
import type { ItemFilter, SortField } from './filter';

export type SortValue = number | Date | null;

/** Sort columns that are never null (no "nulls last" range to walk). */
const NOT_NULL = new Set<SortField>(['updatedAt', 'riskScore', 'contradictedSteps']);
export type Cursor = { value: SortValue; id: number };

/** Order of the items table: the sort column (nulls always last), then id as the tie-breaker. */
export function itemOrderBy(sort: SortField, dir: 'asc' | 'desc'): Prisma.ItemOrderByWithRelationInput[] {
  if (sort === 'id') return [{ id: dir }];
  // Prisma accepts a nulls position only on nullable columns.
  if (NOT_NULL.has(sort)) return [{ [sort]: dir }, { id: dir }];
  return [{ [sort]: { sort: dir, nulls: 'last' } }, { id: dir }];
}

/**
 * Rows strictly after `cursor` in the order above (keyset pagination: cost does not grow with
 * the page number, unlike OFFSET). `reverse` gives the rows before it, for "previous".
 */
export function afterCursor(sort: SortField, dir: 'asc' | 'desc', cursor: Cursor, reverse = false): Prisma.ItemWhereInput {
  const forward = (dir === 'asc') !== reverse;
  const idCmp = forward ? { gt: cursor.id } : { lt: cursor.id };
  if (sort === 'id') return { id: idCmp };
  const col = sort as Exclude<SortField, 'id'>;
  const v = cursor.value;
  // Nulls sort last in both directions: moving forward from a null stays among the nulls;
  // moving backward from a null reaches every non-null row.
  if (v === null) return fromNull(col, idCmp, reverse);
  const valCmp = forward ? { gt: v } : { lt: v };
  const past: Prisma.ItemWhereInput[] = [{ [col]: valCmp }, { [col]: v, id: idCmp }];
  if (!reverse && !NOT_NULL.has(col)) past.push({ [col]: null });
  return { OR: past };
}

function fromNull(col: string, idCmp: { gt: number } | { lt: number }, reverse: boolean): Prisma.ItemWhereInput {
  if (!reverse) return { [col]: null, id: idCmp };
  return { OR: [{ [col]: { not: null } }, { [col]: null, id: idCmp }] };
}

export function cursorOf(row: { id: number } & Partial<Record<Exclude<SortField, 'id'>, SortValue>>, sort: SortField): Cursor {
  return { id: row.id, value: sort === 'id' ? row.id : (row[sort] ?? null) };
}

export type { ItemFilter };
