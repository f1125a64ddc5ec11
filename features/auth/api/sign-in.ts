'use client';

import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '@/components/api/api-fetch';

export type SignInInput = { email: string; password: string };

export function signIn(input: SignInInput): Promise<{ user: { id: string; email: string } }> {
  return apiFetch('/api/auth/sign-in/email', { method: 'POST', body: JSON.stringify({ ...input, rememberMe: true }) });
}

export function useSignIn() {
  return useMutation({ mutationFn: signIn });
}
