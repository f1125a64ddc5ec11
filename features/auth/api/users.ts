'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UserListEntry } from '@/lib/auth/users/list-users';
import { apiFetch } from '@/components/api/api-fetch';
import { authKeys } from './keys';

export function fetchUsers(): Promise<{ users: UserListEntry[] }> {
  return apiFetch('/api/users');
}

export const usersQuery = () => queryOptions({ queryKey: authKeys.users(), queryFn: fetchUsers });

export function useUsers() {
  return useQuery(usersQuery());
}
