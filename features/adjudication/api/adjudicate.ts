'use client';

import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/components/api/api-fetch';
import { adjudicationKeys } from './keys';

/** Settles one item (the body says how); `expectedRev` refuses a stale view. */
export const adjudicate = (id: number, body: Record<string, unknown>, expectedRev: number) => apiFetch(`/api/adjudication/${id}`, { json: { ...body, expectedRev } });

/** adjudicate, then (after `onSaved`, e.g. moving to the next item) refresh every adjudication list. */
export function useAdjudicate() {
  const qc = useQueryClient();
  return useCallback(
    async (id: number, body: Record<string, unknown>, expectedRev: number, onSaved?: () => void) => {
      await adjudicate(id, body, expectedRev);
      onSaved?.();
      await qc.invalidateQueries({ queryKey: adjudicationKeys.all });
    },
    [qc],
  );
}
