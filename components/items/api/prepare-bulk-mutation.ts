'use client';

import { useMutation } from '@tanstack/react-query';
import type { PrepareBulkBody } from '@/lib/bulk/bulk-input';
import type { PreparedBulkAction } from '@/lib/bulk/prepare-bulk-action';
import { fetchJson } from './fetch-json';

/** Counts and freezes the items on the server; nothing changes until the action is applied. */
export function prepareBulk(body: PrepareBulkBody): Promise<PreparedBulkAction> {
  return fetchJson('/api/bulk', { json: body });
}

export function usePrepareBulk() {
  return useMutation({ mutationFn: prepareBulk });
}
