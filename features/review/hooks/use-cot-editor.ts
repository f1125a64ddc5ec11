'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReviewItem, ReviewVersion } from '@/lib/review/review-item';
import { conflictItem } from '@/features/review/api/conflict-item';
import { useSaveEdit } from '@/features/review/api/save-edit';
import { clearEdit, findStoredEdit, storeEdit, type StoredEdit } from '@/features/review/hooks/edit-autosave';
import { KIND_LABEL } from '@/features/review/hooks/right-column';
import type { useItemOps } from '@/features/review/hooks/use-item-ops';
import type { Toast } from '@/features/review/components/toasts';
import type { Dialog } from '@/features/review/components/review-dialogs';

export type EditorState = {
  itemId: number;
  column: 'draft' | 'right';
  baseVersionId: number;
  baseText: string;
  baseLabel: string;
  text: string;
  expectedRev: number;
  savedLocallyAt: number | null;
  restored: boolean;
};

type Notify = (t: Omit<Toast, 'id'>) => void;

/**
 * Editing a CoT: every keystroke is kept locally (edit-autosave) until the server has the edit;
 * arriving on an item reopens its unsaved edit; a save that meets someone else's change opens
 * the conflict dialog (save mine / take theirs / keep editing).
 */
export function useCotEditor(opts: {
  item: ReviewItem | undefined;
  rightVersion: ReviewVersion | null;
  ops: ReturnType<typeof useItemOps>;
  currentId: { current: number };
  advance: () => Promise<void>;
  takeActiveMs: (itemId: number) => number;
  toast: Notify;
  dialog: Dialog;
  setDialog: (d: Dialog) => void;
  showTab: (itemId: number, key: string) => void;
}) {
  const { item, rightVersion, ops, currentId, advance, takeActiveMs, toast, dialog, setDialog, showTab } = opts;
  const saveMut = useSaveEdit();
  const [editor, setEditor] = useState<EditorState | null>(null);
  const [showChanges, setShowChanges] = useState(false);
  const [storedEdit, setStoredEdit] = useState<StoredEdit | null>(null);
  const [saving, setSaving] = useState(false);

  const versionById = useCallback(
    (vid: number): ReviewVersion | null => [item?.draft, item?.revision, item?.latestEdit, item?.accepted].find((v) => v?.id === vid) ?? null,
    [item],
  );

  const openEditor = useCallback(
    (base: ReviewVersion, stored: StoredEdit | null) => {
      if (!item) return;
      const useStored = stored && stored.baseVersionId === base.id ? stored : null;
      setShowChanges(false);
      setEditor({
        itemId: item.id,
        column: base.id === item.draft?.id ? 'draft' : 'right',
        baseVersionId: base.id,
        baseText: base.text,
        baseLabel: `${KIND_LABEL[base.kind]} #${base.id}`,
        text: useStored ? useStored.text : base.text,
        expectedRev: useStored ? useStored.expectedRev : item.rev,
        savedLocallyAt: useStored ? useStored.updatedAt : null,
        restored: !!useStored,
      });
    },
    [item],
  );
  /** Reopens a stored edit (its base version may no longer be shown: then an empty base). */
  const resume = useCallback(
    (stored: StoredEdit) => {
      if (!item) return;
      openEditor(versionById(stored.baseVersionId) ?? { ...(item.revision ?? item.draft!), id: stored.baseVersionId, text: '' }, stored);
    },
    [item, openEditor, versionById],
  );

  // Arriving on an item: close another item's editor (it is stored), reopen this item's unsaved
  // edit. Only on arrival: later changes to the item must not reset an open editor, so the
  // effect reads `resume` through a ref instead of depending on it.
  const resumeRef = useRef(resume);
  useEffect(() => {
    resumeRef.current = resume;
  });
  const loadedId = item?.id;
  useEffect(() => {
    if (loadedId === undefined) return;
    // localStorage is only readable after hydration, hence an effect rather than render-time state.
    const stored = findStoredEdit(loadedId);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- browser storage read after hydration (see above)
    setStoredEdit(stored);
    setEditor((ed) => (ed && ed.itemId !== loadedId ? null : ed));
    if (stored) resumeRef.current(stored);
  }, [loadedId]);

  const start = useCallback(
    (column: 'draft' | 'right') => {
      if (!item || editor) return;
      const base = column === 'right' ? (rightVersion ?? item.draft) : (item.draft ?? rightVersion);
      if (!base) return;
      openEditor(base, findStoredEdit(item.id));
    },
    [item, editor, rightVersion, openEditor],
  );

  const changeText = useCallback((text: string) => {
    setEditor((ed) => {
      if (!ed) return ed;
      const savedLocallyAt = storeEdit({ itemId: ed.itemId, baseVersionId: ed.baseVersionId, expectedRev: ed.expectedRev, text });
      return { ...ed, text, savedLocallyAt };
    });
  }, []);

  const close = useCallback(() => {
    setEditor((ed) => {
      if (ed) setStoredEdit(findStoredEdit(ed.itemId));
      return null;
    });
  }, []);

  const drop = useCallback((ed: EditorState) => {
    clearEdit(ed.itemId, ed.baseVersionId);
    setStoredEdit(null);
    setEditor(null);
  }, []);

  const discard = useCallback(() => {
    if (!editor) return;
    if (editor.text !== editor.baseText && !window.confirm('Discard your edit? It has not been saved.')) return;
    drop(editor);
  }, [editor, drop]);

  const { chain, remember } = ops;
  const save = useCallback(
    (accept: boolean, expectedRevOverride?: number) => {
      const ed = editor;
      if (!ed || saving) return;
      const expectedRev = expectedRevOverride ?? ed.expectedRev;
      const problemId = item?.problemId ?? String(ed.itemId);
      setSaving(true);
      const activeMs = accept ? takeActiveMs(ed.itemId) : undefined;
      const saved = chain(ed.itemId, async () => {
        try {
          const res = await saveMut.mutateAsync({ itemId: ed.itemId, baseVersionId: ed.baseVersionId, expectedRev, text: ed.text, accept, activeMs });
          drop(ed);
          setDialog(null);
          showTab(ed.itemId, 'edit');
          toast({ tone: 'success', text: accept ? `Saved and accepted edit · ${problemId}` : `Saved as version #${res.versionId} · ${problemId}` });
          if (accept && currentId.current === ed.itemId) void advance();
          return accept;
        } catch (e) {
          const current = conflictItem(e);
          if (current) setDialog({ kind: 'conflict', current, accept });
          else toast({ tone: 'error', text: `Not saved: ${e instanceof Error ? e.message : String(e)}. Your text is kept here and locally.` });
          return false;
        } finally {
          setSaving(false);
        }
      });
      if (accept) remember(ed.itemId, 'Accepted edit', saved);
    },
    [editor, saving, item, chain, saveMut, toast, advance, remember, takeActiveMs, drop, setDialog, showTab, currentId],
  );

  // ---- the conflict dialog's three ways out
  const conflict = dialog?.kind === 'conflict' ? dialog : null;
  const saveMine = useCallback(() => {
    if (!conflict) return;
    const rev = conflict.current.rev;
    setEditor((ed) => (ed ? { ...ed, expectedRev: rev } : ed));
    save(conflict.accept, rev);
  }, [conflict, save]);
  const takeTheirs = useCallback(() => {
    if (!conflict || !editor) return;
    drop(editor);
    setDialog(null);
    showTab(editor.itemId, conflict.current.latestEdit ? 'edit' : 'revision');
  }, [conflict, editor, drop, setDialog, showTab]);
  const keepEditing = useCallback(() => {
    if (!conflict) return;
    const rev = conflict.current.rev;
    setEditor((ed) => {
      if (!ed) return ed;
      const savedLocallyAt = storeEdit({ itemId: ed.itemId, baseVersionId: ed.baseVersionId, expectedRev: rev, text: ed.text });
      return { ...ed, expectedRev: rev, savedLocallyAt };
    });
    setDialog(null);
  }, [conflict, setDialog]);

  return {
    editor,
    /** The editor of the shown item, if open (another item's stays stored, not shown). */
    shownEditor: editor && item && editor.itemId === item.id ? editor : null,
    storedEdit,
    saving,
    showChanges,
    toggleChanges: () => setShowChanges((x) => !x),
    start,
    resume,
    changeText,
    close,
    discard,
    save,
    saveMine,
    takeTheirs,
    keepEditing,
  };
}
