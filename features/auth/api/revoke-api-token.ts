'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/components/api/api-fetch';
import { authKeys } from './keys';

export function revokeApiToken(id: number): Promise<{ id: number; revokedAt: string }> {
  return apiFetch(`/api/tokens/${id}`, { method: 'DELETE' });
}

export function useRevokeApiToken() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: revokeApiToken, onSuccess: () => qc.invalidateQueries({ queryKey: [...authKeys.all, 'tokens'] }) });
}
