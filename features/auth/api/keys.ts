// Query keys for accounts, tokens, users, assignments and the audit log, under one root so
// signing out can drop them all at once.
import { meQueryKey } from '@/components/api/me';

export const authKeys = {
  all: ['auth'] as const,
  me: () => meQueryKey,
  tokens: (scope: 'mine' | 'all') => [...authKeys.all, 'tokens', scope] as const,
  users: () => [...authKeys.all, 'users'] as const,
  assignments: () => [...authKeys.all, 'assignments'] as const,
  agreement: (id: number) => [...authKeys.all, 'assignments', id, 'agreement'] as const,
};
