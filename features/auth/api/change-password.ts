'use client';

import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '@/components/api/api-fetch';

export type ChangePasswordInput = { currentPassword: string; newPassword: string };

/** Also signs out every other session of this user. */
export function changePassword(input: ChangePasswordInput): Promise<unknown> {
  return apiFetch('/api/auth/change-password', { method: 'POST', body: JSON.stringify({ ...input, revokeOtherSessions: true }) });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
