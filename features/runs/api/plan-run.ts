import { useMutation } from '@tanstack/react-query';
import type { CreateRunInput } from '@/lib/runs/create-run';
import type { RunPlan } from '@/lib/runs/plan-run';
import { apiFetch } from '@/components/api/api-fetch';

export const planRunRequest = (input: CreateRunInput) => apiFetch<{ plan: RunPlan }>('/api/runs/plan', { method: 'POST', body: JSON.stringify(input) }).then((r) => r.plan);

export function usePlanRun() {
  return useMutation({ mutationFn: planRunRequest });
}
