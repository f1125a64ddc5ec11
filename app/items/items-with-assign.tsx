'use client';

import type { ComponentProps } from 'react';
import { ItemsView } from '@/features/items/components/items-view';
import { AssignViewDialog } from '@/features/auth/components/assign-view-dialog';

/** The items table with the auth feature's "assign this view" dialog plugged in (features meet here, in app/). */
export function ItemsWithAssign(props: Omit<ComponentProps<typeof ItemsView>, 'AssignViewDialog'>) {
  return <ItemsView {...props} AssignViewDialog={AssignViewDialog} />;
}
