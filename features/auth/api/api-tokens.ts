'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiTokenView } from '@/lib/auth/tokens/list-api-tokens';
import { apiFetch } from '@/components/api/api-fetch';
import { authKeys } from './keys';

export function fetchApiTokens(scope: 'mine' | 'all'): Promise<{ tokens: ApiTokenView[] }> {
  return apiFetch(scope === 'all' ? '/api/tokens?all=1' : '/api/tokens');
}

export const apiTokensQuery = (scope: 'mine' | 'all') => queryOptions({ queryKey: authKeys.tokens(scope), queryFn: () => fetchApiTokens(scope) });

export function useApiTokens(scope: 'mine' | 'all') {
  return useQuery(apiTokensQuery(scope));
}
