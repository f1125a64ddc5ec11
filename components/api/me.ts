'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UserView } from '@/lib/auth/users/create-user';
import { apiFetch } from '@/components/api/api-fetch';

/**
 * The session (who is signed in, role included) is read by several features (items, auth), so
 * it lives with the shared api helpers. Its key sits under the auth root (`['auth', ...]`), so
 * signing out (which drops `authKeys.all`) drops it too.
 */
export const meQueryKey = ['auth', 'me'] as const;

export const fetchMe = () => apiFetch<UserView>('/api/me');

export const meQueryOptions = () => queryOptions({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000 });

/** Who is signed in (role included), for showing or hiding what their role may not do. */
export function useMe() {
  return useQuery(meQueryOptions());
}
