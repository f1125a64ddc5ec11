'use client';

import { useMutation } from '@tanstack/react-query';
import type { PrepareBulkBody } from '@/lib/bulk/bulk-input';
import type { PreparedBulkAction } from '@/lib/bulk/prepare-bulk-action';
import { apiFetch } from '@/components/api/api-fetch';

/** Counts and freezes the items on the server; nothing changes until the action is applied. */
export function prepareBulk(body: PrepareBulkBody): Promise<PreparedBulkAction> {
  return apiFetch('/api/bulk', { json: body });
}

export function usePrepareBulk() {
  return useMutation({ mutationFn: prepareBulk });
}
