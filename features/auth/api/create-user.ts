'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserInput, UserView } from '@/lib/auth/users/create-user';
import { apiFetch } from '@/components/api/api-fetch';
import { authKeys } from './keys';

export function createUser(input: CreateUserInput): Promise<UserView> {
  return apiFetch('/api/users', { method: 'POST', body: JSON.stringify(input) });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createUser, onSuccess: () => qc.invalidateQueries({ queryKey: authKeys.users() }) });
}
