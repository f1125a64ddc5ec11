import { z } from 'zod';

// The items table's columns and a user's layout of them (order, hidden, widths). Shared by the
// table (browser), the layout store and saved views, so one schema checks all three.

export const ITEM_COLUMNS = ['id', 'question', 'type', 'source', 'draft', 'revision', 'consistency', 'length', 'status', 'reviewer', 'updated', 'pass', 'risk', 'steps'] as const;
export type ItemColumn = (typeof ITEM_COLUMNS)[number];

export const COLUMN_LABELS: Record<ItemColumn, string> = {
  id: 'ID',
  question: 'Question',
  type: 'Type',
  source: 'Source',
  draft: 'Draft',
  revision: 'Revision',
  consistency: 'Cons.',
  length: 'Len',
  status: 'Status',
  reviewer: 'Reviewer',
  updated: 'Updated',
  pass: 'Pass',
  risk: 'Risk',
  steps: 'Steps',
};

/** Default widths in px; the question column takes what is left unless given a width. */
export const DEFAULT_WIDTHS: Record<ItemColumn, number | null> = {
  id: 88,
  question: null,
  type: 104,
  source: 104,
  draft: 72,
  revision: 72,
  consistency: 56,
  length: 56,
  status: 88,
  reviewer: 96,
  updated: 88,
  pass: 56,
  risk: 64,
  steps: 64,
};

/** The question column never gets narrower than this: the table scrolls sideways instead. */
export const QUESTION_MIN_WIDTH = 280;

/** The question is how a row is recognised: it cannot be hidden. */
export const REQUIRED_COLUMNS: readonly ItemColumn[] = ['id', 'question'];
export const MIN_WIDTH = 48;
export const MAX_WIDTH = 800;

const columnSchema = z.enum(ITEM_COLUMNS);

export const columnLayoutSchema = z
  .object({
    order: z.array(columnSchema).max(ITEM_COLUMNS.length).default([]),
    hidden: z.array(columnSchema).max(ITEM_COLUMNS.length).default([]),
    widths: z.partialRecord(columnSchema, z.number().int().min(MIN_WIDTH).max(MAX_WIDTH)).default({}),
  })
  .strict();
export type ColumnLayout = z.infer<typeof columnLayoutSchema>;

export const DEFAULT_LAYOUT: ColumnLayout = { order: [...ITEM_COLUMNS], hidden: [], widths: {} };

/**
 * The columns to show, in order: the layout's order first (duplicates dropped), then any
 * column it does not name (a column added after the layout was saved still shows up).
 */
export function visibleColumns(layout: ColumnLayout): ItemColumn[] {
  const seen = new Set<ItemColumn>();
  const order: ItemColumn[] = [];
  for (const c of [...layout.order, ...ITEM_COLUMNS]) {
    if (seen.has(c)) continue;
    seen.add(c);
    order.push(c);
  }
  const hidden = new Set(layout.hidden.filter((c) => !REQUIRED_COLUMNS.includes(c)));
  return order.filter((c) => !hidden.has(c));
}

/** The full order (hidden columns included) a layout implies. */
export function columnOrder(layout: ColumnLayout): ItemColumn[] {
  return [...new Set([...layout.order, ...ITEM_COLUMNS])];
}

/** Moves `column` one place left (-1) or right (+1) in the full order. */
export function moveColumn(layout: ColumnLayout, column: ItemColumn, by: -1 | 1): ColumnLayout {
  const order = columnOrder(layout);
  const i = order.indexOf(column);
  const j = i + by;
  if (i < 0 || j < 0 || j >= order.length) return layout;
  [order[i], order[j]] = [order[j]!, order[i]!];
  return { ...layout, order };
}

/** Moves `column` to just before `before` (drag and drop of a header). */
export function placeColumn(layout: ColumnLayout, column: ItemColumn, before: ItemColumn): ColumnLayout {
  if (column === before) return layout;
  const order = columnOrder(layout).filter((c) => c !== column);
  order.splice(order.indexOf(before), 0, column);
  return { ...layout, order };
}

export function setHidden(layout: ColumnLayout, column: ItemColumn, hidden: boolean): ColumnLayout {
  if (REQUIRED_COLUMNS.includes(column)) return layout;
  const set = new Set(layout.hidden);
  if (hidden) set.add(column);
  else set.delete(column);
  return { ...layout, hidden: ITEM_COLUMNS.filter((c) => set.has(c)) };
}

export function setWidth(layout: ColumnLayout, column: ItemColumn, width: number): ColumnLayout {
  const w = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)));
  return { ...layout, widths: { ...layout.widths, [column]: w } };
}

/** A stored layout that no longer parses (e.g. an old shape) falls back to the default. */
export function readLayout(value: unknown): ColumnLayout {
  const r = columnLayoutSchema.safeParse(value ?? {});
  return r.success ? r.data : DEFAULT_LAYOUT;
}
