'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/components/api/api-fetch';
import { authKeys } from './keys';

export function deleteAssignment(id: number): Promise<void> {
  return apiFetch(`/api/assignments/${id}`, { method: 'DELETE' });
}

export function useDeleteAssignment() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: deleteAssignment, onSuccess: () => qc.invalidateQueries({ queryKey: authKeys.assignments() }) });
}
