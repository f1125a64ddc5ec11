'use client';

import { useQuery } from '@tanstack/react-query';
import type { UserView } from '@/lib/auth/users/create-user';
import { apiFetch } from '@/components/api/api-fetch';
import { authKeys } from '@/features/auth/api/keys';

/** Who is signed in (role included), for showing or hiding what their role may not do. */
export function useMe() {
  return useQuery({ queryKey: authKeys.me(), queryFn: () => apiFetch<UserView>('/api/me'), staleTime: 60_000 });
}
