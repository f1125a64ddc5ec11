'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateAssignmentInput } from '@/lib/assignments/create-assignment';
import { apiFetch } from '@/components/api/api-fetch';
import { authKeys } from './keys';

export function createAssignment(input: CreateAssignmentInput): Promise<{ id: number }> {
  return apiFetch('/api/assignments', { method: 'POST', body: JSON.stringify(input) });
}

export function useCreateAssignment() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createAssignment, onSuccess: () => qc.invalidateQueries({ queryKey: authKeys.assignments() }) });
}
