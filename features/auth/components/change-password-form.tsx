'use client';

import { useState, type FormEvent } from 'react';
import { useChangePassword } from '@/features/auth/api/change-password';
import { ErrorNote } from '@/components/ui/error-note';
import { buttonCls, inputCls, panelCls } from '@/components/ui/form-styles';

export function ChangePasswordForm() {
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate({ currentPassword: current, newPassword: next }, { onSuccess: () => (setCurrent(''), setNext('')) });
  };
  return (
    <section className={panelCls}>
      <header className="border-b border-slate-100 px-4 py-2.5">
        <h2 className="text-sm font-semibold">Password</h2>
        <p className="text-xs text-slate-500">Changing it signs you out everywhere else.</p>
      </header>
      <form onSubmit={submit} className="space-y-3 px-4 py-3">
        <label className="block">
          <span className="text-xs font-medium text-slate-600">Current password</span>
          <input type="password" autoComplete="current-password" className={inputCls} value={current} onChange={(e) => setCurrent(e.target.value)} required />
        </label>
        <label className="block">
          <span className="text-xs font-medium text-slate-600">New password (8+ characters)</span>
          <input type="password" autoComplete="new-password" minLength={8} className={inputCls} value={next} onChange={(e) => setNext(e.target.value)} required />
        </label>
        <ErrorNote error={change.error} />
        {change.isSuccess && <p className="text-sm text-emerald-700">Password changed.</p>}
        <button className={buttonCls} disabled={change.isPending}>
          Change password
        </button>
      </form>
    </section>
  );
}
