'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatedApiToken, CreateApiTokenInput } from '@/lib/auth/tokens/create-api-token';
import { apiFetch } from '@/components/api/api-fetch';
import { authKeys } from './keys';

export function createApiToken(input: CreateApiTokenInput): Promise<CreatedApiToken> {
  return apiFetch('/api/tokens', { method: 'POST', body: JSON.stringify(input) });
}

export function useCreateApiToken() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createApiToken, onSuccess: () => qc.invalidateQueries({ queryKey: [...authKeys.all, 'tokens'] }) });
}
