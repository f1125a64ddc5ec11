'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '@/components/api/api-fetch';
import { authKeys } from './keys';

export function signOut(): Promise<{ success: boolean }> {
  return apiFetch('/api/auth/sign-out', { method: 'POST', body: '{}' });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: signOut, onSuccess: () => qc.removeQueries({ queryKey: authKeys.all }) });
}
