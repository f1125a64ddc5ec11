// Edits in progress live in localStorage until the server has them, keyed by item and the
// version they started from: a reload, a crash or a closed tab keeps them.

export type StoredEdit = { itemId: number; baseVersionId: number; expectedRev: number; text: string; updatedAt: number };

const PREFIX = 'cot-studio:edit:';
const key = (itemId: number, baseVersionId: number) => `${PREFIX}${itemId}:${baseVersionId}`;

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null; // storage disabled: edits still work, they just do not survive a reload
  }
}

export function storeEdit(e: Omit<StoredEdit, 'updatedAt'>): number {
  const updatedAt = Date.now();
  try {
    storage()?.setItem(key(e.itemId, e.baseVersionId), JSON.stringify({ ...e, updatedAt }));
  } catch {
    // Quota exceeded: keep editing; the save to the server is what counts.
  }
  return updatedAt;
}

export function clearEdit(itemId: number, baseVersionId: number): void {
  storage()?.removeItem(key(itemId, baseVersionId));
}

/** The newest unsaved edit of an item, if any. */
export function findStoredEdit(itemId: number): StoredEdit | null {
  const s = storage();
  if (!s) return null;
  let best: StoredEdit | null = null;
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (!k?.startsWith(`${PREFIX}${itemId}:`)) continue;
    try {
      const e = JSON.parse(s.getItem(k) ?? '') as StoredEdit;
      if (typeof e.text === 'string' && typeof e.baseVersionId === 'number' && (!best || e.updatedAt > best.updatedAt)) best = e;
    } catch {
      s.removeItem(k);
    }
  }
  return best;
}
