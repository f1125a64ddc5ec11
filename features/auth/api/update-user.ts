'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateUserInput } from '@/lib/auth/users/update-user';
import type { UserView } from '@/lib/auth/users/create-user';
import { apiFetch } from '@/components/api/api-fetch';
import { authKeys } from './keys';

export function updateUser(args: { id: string; input: UpdateUserInput }): Promise<UserView> {
  return apiFetch(`/api/users/${encodeURIComponent(args.id)}`, { method: 'PATCH', body: JSON.stringify(args.input) });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: updateUser, onSettled: () => qc.invalidateQueries({ queryKey: authKeys.users() }) });
}
