'use client';

import { useState, type FormEvent } from 'react';
import { useSignIn } from '@/features/auth/api/sign-in';
import { ApiError } from '@/components/api/api-fetch';
import { safeNext } from '@/lib/auth/safe-next';

export function SignInForm({ next }: { next: string | null }) {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate(
      { email: email.trim(), password },
      // A full page load, so the server renders the nav bar for the signed-in user.
      { onSuccess: () => window.location.assign(safeNext(next)) },
    );
  };

  const err = signIn.error;
  const message =
    err instanceof ApiError && err.status === 401 ? 'Wrong email or password.' : err instanceof ApiError && err.code === 'ACCOUNT_DISABLED' ? 'This account is disabled.' : err?.message;

  return (
    <form onSubmit={submit} className="space-y-4" data-testid="sign-in-form">
      <label className="block">
        <span className="text-xs font-medium text-slate-600">Email</span>
        <input
          type="email"
          name="email"
          autoComplete="username"
          required
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500"
        />
      </label>
      <label className="block">
        <span className="text-xs font-medium text-slate-600">Password</span>
        <input
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500"
        />
      </label>
      {message && (
        <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700 ring-1 ring-inset ring-rose-200">
          {message}
        </p>
      )}
      <button
        type="submit"
        disabled={signIn.isPending || signIn.isSuccess}
        className="w-full rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-500 disabled:opacity-60"
      >
        {signIn.isPending || signIn.isSuccess ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
