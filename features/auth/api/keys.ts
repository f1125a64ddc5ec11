// Query keys for accounts, tokens, users, assignments and the audit log, under one root so
// signing out can drop them all at once.
export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
  tokens: (scope: 'mine' | 'all') => [...authKeys.all, 'tokens', scope] as const,
  users: () => [...authKeys.all, 'users'] as const,
  assignments: () => [...authKeys.all, 'assignments'] as const,
  agreement: (id: number) => [...authKeys.all, 'assignments', id, 'agreement'] as const,
};
