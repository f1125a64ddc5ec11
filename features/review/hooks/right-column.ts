'use client';

import { useMemo, useState } from 'react';
import type { ReviewItem, ReviewVersion } from '@/lib/review/review-item';
import type { PanelTab } from '@/components/cot/cot-panel';

export const KIND_LABEL = { draft: 'draft', revision: 'revision', edit: 'edit', imported: 'imported CoT' } as const;

/** Tabs of the right-hand column: the revision, the newest edit, and an older accepted version. */
export function rightTabs(item: ReviewItem): PanelTab[] {
  const tabs: PanelTab[] = [];
  if (item.revision) tabs.push({ key: 'revision', label: 'Revision', version: item.revision });
  if (item.latestEdit) tabs.push({ key: 'edit', label: 'Edit', version: item.latestEdit });
  // An accepted version that is already a tab (the revision or the newest edit) shows its ACCEPTED badge there instead.
  if (item.accepted && item.accepted.id !== item.revision?.id && item.accepted.id !== item.latestEdit?.id) tabs.push({ key: 'accepted', label: `Accepted ${KIND_LABEL[item.accepted.kind]}`, version: item.accepted });
  // An imported CoT that a generated draft displaced stays one tab away (diffable against the draft).
  if (item.imported && item.imported.id !== item.accepted?.id) tabs.push({ key: 'imported', label: 'Imported', version: item.imported });
  return tabs;
}

function defaultRightTab(item: ReviewItem): string {
  if (item.latestEdit && item.acceptedVersionId === item.latestEdit.id) return 'edit';
  if (item.accepted) return 'accepted';
  if (item.latestEdit && (!item.revision || item.latestEdit.id > item.revision.id)) return 'edit';
  return 'revision';
}

/** Which version the right-hand column shows: the tab the reviewer picked on this item, else the default. */
export function useRightColumn(item: ReviewItem | undefined) {
  const [tabFor, setTabFor] = useState<{ itemId: number; key: string } | null>(null);
  const tabs = useMemo(() => (item ? rightTabs(item) : []), [item]);
  const activeTab = item && tabFor?.itemId === item.id && tabs.some((t) => t.key === tabFor.key) ? tabFor.key : item ? defaultRightTab(item) : 'revision';
  const rightVersion: ReviewVersion | null = tabs.find((t) => t.key === activeTab)?.version ?? tabs[0]?.version ?? null;
  const showTab = (itemId: number, key: string) => setTabFor({ itemId, key });
  return { tabs, activeTab, rightVersion, showTab };
}
