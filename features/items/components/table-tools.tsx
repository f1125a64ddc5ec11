'use client';

import { useState, type ComponentType } from 'react';
import { can } from '@/lib/auth/permissions';
import { DEFAULT_LAYOUT, type ColumnLayout } from '@/lib/views/item-columns';
import { useMe } from '@/components/api/me';
import { useSaveTableLayout, useTableLayout } from '@/features/items/api/table-layout';
import { ColumnChooser } from './column-chooser';
import { SavedViewsMenu } from './saved-views-menu';
import { Button } from '@/components/ui/button';

/** The user's column layout of the items table, saved on the server as it changes. */
export function useItemsTableLayout(): { layout: ColumnLayout; setLayout: (l: ColumnLayout) => void; error: string | null } {
  const q = useTableLayout();
  const save = useSaveTableLayout();
  return { layout: q.data ?? DEFAULT_LAYOUT, setLayout: (l) => save.mutate(l), error: save.error?.message ?? null };
}

/** The "assign this view to reviewers" dialog; the assignments UI belongs to the auth feature, so the page hands it in. */
export type AssignDialog = ComponentType<{ filterKey: string; description: string; onClose: () => void; onDone: (text: string) => void }>;

/** Saved views, columns and (for admins) "assign this view to reviewers", beside the table's title. */
export function TableTools({
  datasetId,
  filterKey,
  description,
  layout,
  onLayout,
  onPickView,
  onMessage,
  AssignViewDialog,
}: {
  datasetId: number;
  filterKey: string;
  description: string;
  layout: ColumnLayout;
  onLayout: (l: ColumnLayout) => void;
  onPickView: (filter: string) => void;
  onMessage: (text: string) => void;
  AssignViewDialog?: AssignDialog;
}) {
  const me = useMe();
  const [assigning, setAssigning] = useState(false);
  const mayAssign = me.data ? can(me.data.role, 'assignments:manage') : false;
  return (
    <>
      <SavedViewsMenu
        datasetId={datasetId}
        filterKey={filterKey}
        layout={layout}
        onPick={(filter, columns) => {
          if (columns) onLayout(columns);
          onPickView(filter);
        }}
      />
      <ColumnChooser layout={layout} onLayout={onLayout} />
      {mayAssign && AssignViewDialog && (
        <Button testId="assign-view-open" title="Give reviewers this filter as an assignment" onClick={() => setAssigning(true)}>
          Assign to reviewers…
        </Button>
      )}
      {assigning && AssignViewDialog && (
        <AssignViewDialog
          filterKey={filterKey}
          description={description}
          onClose={() => setAssigning(false)}
          onDone={(text) => {
            setAssigning(false);
            onMessage(text);
          }}
        />
      )}
    </>
  );
}
