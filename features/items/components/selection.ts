// What the user has selected in the table: explicit rows, or everything the filter matches
// minus rows unticked afterwards. Only ids travel; the server resolves "everything".
export type Selection = { mode: 'ids'; ids: ReadonlySet<number> } | { mode: 'all'; exclude: ReadonlySet<number> };

export const EMPTY_SELECTION: Selection = { mode: 'ids', ids: new Set() };

export function isSelected(s: Selection, id: number): boolean {
  return s.mode === 'ids' ? s.ids.has(id) : !s.exclude.has(id);
}

function toggled(set: ReadonlySet<number>, id: number, on: boolean): Set<number> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

export function setRow(s: Selection, id: number, on: boolean): Selection {
  return s.mode === 'ids' ? { mode: 'ids', ids: toggled(s.ids, id, on) } : { mode: 'all', exclude: toggled(s.exclude, id, !on) };
}

export function setRows(s: Selection, ids: number[], on: boolean): Selection {
  return ids.reduce((acc, id) => setRow(acc, id, on), s);
}

/** How many items the selection holds, given the filter's count (unknown while counting). */
export function selectedCount(s: Selection, total: number | undefined): number | undefined {
  if (s.mode === 'ids') return s.ids.size;
  return total === undefined ? undefined : Math.max(0, total - s.exclude.size);
}
