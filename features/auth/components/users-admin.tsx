'use client';

import { useState, type FormEvent } from 'react';
import { useUsers } from '@/features/auth/api/users';
import { useCreateUser } from '@/features/auth/api/create-user';
import { useUpdateUser } from '@/features/auth/api/update-user';
import { ErrorNote } from '@/components/ui/error-note';
import { buttonCls, dangerButtonCls, inputCls, panelCls, secondaryButtonCls, tdCls, thCls } from '@/components/ui/form-styles';
import { TimeAgo } from '@/components/ui/time-ago';

function randomPassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return btoa(String.fromCharCode(...bytes)).replace(/[+/=]/g, '').slice(0, 16);
}

function CreateUserForm() {
  const create = useCreateUser();
  const [form, setForm] = useState({ email: '', name: '', role: 'reviewer' as 'admin' | 'reviewer', password: '' });
  const [made, setMade] = useState<{ email: string; password: string } | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(form, {
      onSuccess: (u) => {
        setMade({ email: u.email, password: form.password });
        setForm({ email: '', name: '', role: 'reviewer', password: '' });
      },
    });
  };
  return (
    <section className={panelCls}>
      <header className="border-b border-slate-100 px-4 py-2.5">
        <h2 className="text-sm font-semibold">Add a user</h2>
        <p className="text-xs text-slate-500">Give them the email and password; they can change the password under Account.</p>
      </header>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2 px-4 py-3" data-testid="create-user-form">
        <label className="min-w-56 flex-1">
          <span className="text-xs font-medium text-slate-600">Email</span>
          <input type="email" className={inputCls} value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} required />
        </label>
        <label className="min-w-40 flex-1">
          <span className="text-xs font-medium text-slate-600">Name</span>
          <input className={inputCls} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required />
        </label>
        <label>
          <span className="text-xs font-medium text-slate-600">Role</span>
          <select className={inputCls} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as 'admin' | 'reviewer' })} aria-label="Role">
            <option value="reviewer">reviewer</option>
            <option value="admin">admin</option>
          </select>
        </label>
        <label className="min-w-48">
          <span className="text-xs font-medium text-slate-600">Password</span>
          <div className="flex gap-1">
            <input className={`${inputCls} font-mono`} value={form.password} minLength={8} onChange={(e) => setForm({ ...form, password: e.target.value })} required />
            <button type="button" className={secondaryButtonCls} onClick={() => setForm({ ...form, password: randomPassword() })}>
              Generate
            </button>
          </div>
        </label>
        <button className={buttonCls} disabled={create.isPending}>
          Add user
        </button>
      </form>
      <div className="px-4 pb-3">
        <ErrorNote error={create.error} />
        {made && (
          <p className="text-sm text-emerald-700">
            Created {made.email} with password <code className="font-mono">{made.password}</code>.
          </p>
        )}
      </div>
    </section>
  );
}

export function UsersAdmin({ currentUserId }: { currentUserId: string }) {
  const users = useUsers();
  const update = useUpdateUser();
  const [resetFor, setResetFor] = useState<string | null>(null);
  const [newPassword, setNewPassword] = useState('');

  return (
    <div className="space-y-4">
      <CreateUserForm />
      <section className={panelCls}>
        <header className="border-b border-slate-100 px-4 py-2.5">
          <h2 className="text-sm font-semibold">Users</h2>
          <p className="text-xs text-slate-500" data-testid="revocation-note">
            Resetting a password, disabling or re-enabling a user ends their sessions and revokes their API tokens for good (a re-enabled user makes new ones under Account).
          </p>
        </header>
        <div className="px-4 py-2">
          <ErrorNote error={update.error ?? users.error} />
        </div>
        <table className="w-full text-sm" data-testid="users-table">
          <thead className="bg-slate-50">
            <tr>
              <th className={thCls}>Email</th>
              <th className={thCls}>Name</th>
              <th className={thCls}>Role</th>
              <th className={thCls}>Last sign-in</th>
              <th className={thCls}>Tokens</th>
              <th className={thCls}>Status</th>
              <th className={thCls} />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.data?.users.map((u) => (
              <tr key={u.id} className={u.disabled ? 'bg-slate-50 text-slate-400' : ''} data-testid="user-row">
                <td className={tdCls}>
                  {u.email}
                  {u.id === currentUserId && <span className="ml-1.5 text-xs text-slate-400">(you)</span>}
                </td>
                <td className={tdCls}>{u.name}</td>
                <td className={tdCls}>
                  <select
                    aria-label={`Role of ${u.email}`}
                    className="rounded border border-slate-200 bg-white px-1.5 py-0.5 text-xs"
                    value={u.role}
                    disabled={update.isPending}
                    onChange={(e) => update.mutate({ id: u.id, input: { role: e.target.value as 'admin' | 'reviewer' } })}
                  >
                    <option value="reviewer">reviewer</option>
                    <option value="admin">admin</option>
                  </select>
                </td>
                <td className={`${tdCls} text-xs`}><TimeAgo at={u.lastSignInAt} fallback="never" /></td>
                <td className={`${tdCls} text-xs tabular-nums`}>{u.activeTokens}</td>
                <td className={`${tdCls} text-xs font-medium`}>{u.disabled ? 'disabled' : <span className="text-emerald-700">active</span>}</td>
                <td className={`${tdCls} whitespace-nowrap text-right`}>
                  {resetFor === u.id ? (
                    <form
                      className="inline-flex gap-1"
                      onSubmit={(e) => {
                        e.preventDefault();
                        update.mutate({ id: u.id, input: { password: newPassword } }, { onSuccess: () => (setResetFor(null), setNewPassword('')) });
                      }}
                    >
                      <input
                        aria-label={`New password for ${u.email}`}
                        className="w-40 rounded border border-slate-300 px-1.5 py-0.5 font-mono text-xs"
                        minLength={8}
                        required
                        value={newPassword}
                        onChange={(e) => setNewPassword(e.target.value)}
                      />
                      <button className={secondaryButtonCls} title="Ends their sessions and revokes their API tokens">
                        Set
                      </button>
                      <button type="button" className={secondaryButtonCls} onClick={() => setResetFor(null)}>
                        Cancel
                      </button>
                    </form>
                  ) : (
                    <span className="inline-flex gap-1">
                      <button type="button" className={secondaryButtonCls} onClick={() => (setResetFor(u.id), setNewPassword(randomPassword()))}>
                        Reset password
                      </button>
                      {u.id !== currentUserId && (
                      <button
                        type="button"
                        className={u.disabled ? secondaryButtonCls : dangerButtonCls}
                        disabled={update.isPending}
                        title={u.disabled ? 'Re-enabling does not bring back their old API tokens' : 'Ends their sessions and revokes their API tokens'}
                        onClick={() => update.mutate({ id: u.id, input: { disabled: !u.disabled } })}
                      >
                        {u.disabled ? 'Enable' : 'Disable'}
                      </button>
                      )}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
