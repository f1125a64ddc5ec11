import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import type { ItemSteps, StepReviewState, StepVerdictView } from '@/lib/steps/step-types';
import type { StepChange } from '@/lib/steps/save-step-verdict';
import { apiFetch } from '@/components/api/api-fetch';

// The steps of an item's shown versions (GET /api/items/:id/steps) and changes to their
// verdicts. Changes are applied to the cache at once and sent one after another per version,
// each with the rev the previous one returned, so fast key presses never conflict with themselves.

export const stepKeys = { item: (id: number) => ['review', 'steps', id] as const };

export function itemStepsQueryOptions(id: number) {
  return queryOptions({
    queryKey: stepKeys.item(id),
    queryFn: ({ signal }) => apiFetch<ItemSteps>(`/api/items/${id}/steps`, { signal }),
    staleTime: 30_000,
  });
}

export function useItemSteps(id: number, enabled: boolean) {
  return useQuery({ ...itemStepsQueryOptions(id), enabled });
}

export type StepChangeInput = { op: 'label'; stepIndex: number; label: -1 | 0 | 1 | null } | { op: 'note'; stepIndex: number; note: string } | { op: 'stop' };

function applyLocally(verdicts: StepVerdictView[], change: StepChangeInput): StepVerdictView[] {
  if (change.op === 'stop') {
    const first = Math.min(...verdicts.filter((v) => v.label === -1).map((v) => v.stepIndex));
    return Number.isFinite(first) ? verdicts.filter((v) => v.stepIndex <= first) : verdicts;
  }
  const rest = verdicts.filter((v) => v.stepIndex !== change.stepIndex);
  const old = verdicts.find((v) => v.stepIndex === change.stepIndex);
  if (change.op === 'label') return change.label === null ? rest : [...rest, { stepIndex: change.stepIndex, label: change.label, note: old?.note ?? null }].sort((a, b) => a.stepIndex - b.stepIndex);
  return [...rest, { stepIndex: change.stepIndex, label: old?.label ?? 0, note: change.note || null }].sort((a, b) => a.stepIndex - b.stepIndex);
}

/** Sends step changes for one item; `onError` hears refusals (the cache is reloaded then). */
export function useChangeSteps(itemId: number, onError: (message: string) => void) {
  const qc = useQueryClient();
  const chains = useRef(new Map<number, Promise<void>>());
  return useCallback(
    (versionId: number, change: StepChangeInput) => {
      const key = stepKeys.item(itemId);
      qc.setQueryData<ItemSteps>(key, (d) =>
        d ? { ...d, versions: d.versions.map((v) => (v.versionId === versionId ? { ...v, verdicts: applyLocally(v.verdicts, change) } : v)) } : d,
      );
      const prev = chains.current.get(versionId) ?? Promise.resolve();
      const next = prev.then(async () => {
        const cur = qc.getQueryData<ItemSteps>(key)?.versions.find((v) => v.versionId === versionId);
        const body = { ...change, expectedRev: cur?.review?.rev ?? 0 } as StepChange;
        try {
          const review = await apiFetch<StepReviewState>(`/api/items/${itemId}/steps/${versionId}`, { json: body });
          qc.setQueryData<ItemSteps>(key, (d) => (d ? { ...d, versions: d.versions.map((v) => (v.versionId === versionId ? { ...v, review } : v)) } : d));
        } catch (e) {
          onError(e instanceof Error ? e.message : String(e));
          await qc.invalidateQueries({ queryKey: key });
        }
      });
      chains.current.set(versionId, next);
    },
    [qc, itemId, onError],
  );
}
