'use client';

import { useState, type FormEvent } from 'react';
import { useApiTokens } from '@/features/auth/api/api-tokens';
import { useCreateApiToken } from '@/features/auth/api/create-api-token';
import { useRevokeApiToken } from '@/features/auth/api/revoke-api-token';
import { ErrorNote } from '@/components/ui/error-note';
import { buttonCls, dangerButtonCls, inputCls, panelCls, secondaryButtonCls, tdCls, thCls } from '@/components/ui/form-styles';
import { TimeAgo } from '@/components/ui/time-ago';

function status(t: { revokedAt: string | null; expiresAt: string | null }): { label: string; cls: string } {
  if (t.revokedAt) return { label: 'revoked', cls: 'text-slate-400' };
  if (t.expiresAt && new Date(t.expiresAt) <= new Date()) return { label: 'expired', cls: 'text-amber-700' };
  return { label: 'active', cls: 'text-emerald-700' };
}

/** `scope="mine"` lets a user make and revoke their own tokens; `scope="all"` lists everyone's for admins. */
export function ApiTokensPanel({ scope }: { scope: 'mine' | 'all' }) {
  const tokens = useApiTokens(scope);
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const [name, setName] = useState('');
  const [days, setDays] = useState('');
  const [copied, setCopied] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCopied(false);
    create.mutate({ name: name.trim(), ...(days ? { expiresInDays: Number(days) } : {}) }, { onSuccess: () => setName('') });
  };

  return (
    <section className={panelCls} data-testid={`api-tokens-${scope}`}>
      <header className="border-b border-slate-100 px-4 py-2.5">
        <h2 className="text-sm font-semibold">{scope === 'all' ? 'All API tokens' : 'API tokens'}</h2>
        <p className="text-xs text-slate-500">
          {scope === 'all'
            ? 'Every user’s tokens. Revoking one stops it at once.'
            : 'For the CLI and scripts: send as Authorization: Bearer <token>. A token acts with your role; it is shown once and stored only as a hash.'}
        </p>
      </header>
      {scope === 'mine' && (
        <form onSubmit={submit} className="flex flex-wrap items-end gap-2 border-b border-slate-100 px-4 py-3">
          <label className="min-w-56 flex-1">
            <span className="text-xs font-medium text-slate-600">Name</span>
            <input className={inputCls} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. laptop CLI" required maxLength={100} />
          </label>
          <label>
            <span className="text-xs font-medium text-slate-600">Expires</span>
            <select className={inputCls} value={days} onChange={(e) => setDays(e.target.value)} aria-label="Expires">
              <option value="">never</option>
              <option value="30">in 30 days</option>
              <option value="90">in 90 days</option>
              <option value="365">in a year</option>
            </select>
          </label>
          <button className={buttonCls} disabled={create.isPending}>
            Create token
          </button>
        </form>
      )}
      {create.data && (
        <div className="border-b border-slate-100 bg-amber-50 px-4 py-3" data-testid="new-token">
          <p className="text-xs font-medium text-amber-800">Copy this token now — it will not be shown again.</p>
          <div className="mt-1.5 flex items-center gap-2">
            <code className="flex-1 select-all break-all rounded bg-white px-2 py-1 font-mono text-xs ring-1 ring-amber-200" data-testid="new-token-value">
              {create.data.token}
            </code>
            <button
              type="button"
              className={secondaryButtonCls}
              onClick={() => void navigator.clipboard?.writeText(create.data.token).then(() => setCopied(true))}
            >
              {copied ? 'Copied' : 'Copy'}
            </button>
          </div>
        </div>
      )}
      <div className="px-4 py-2">
        <ErrorNote error={create.error ?? revoke.error ?? tokens.error} />
      </div>
      <table className="w-full text-sm">
        <thead className="bg-slate-50">
          <tr>
            <th className={thCls}>Name</th>
            {scope === 'all' && <th className={thCls}>User</th>}
            <th className={thCls}>Token</th>
            <th className={thCls}>Created</th>
            <th className={thCls}>Last used</th>
            <th className={thCls}>Expires</th>
            <th className={thCls}>Status</th>
            <th className={thCls} />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {tokens.data?.tokens.map((t) => {
            const s = status(t);
            return (
              <tr key={t.id} data-testid="token-row">
                <td className={tdCls}>{t.name}</td>
                {scope === 'all' && <td className={`${tdCls} text-xs`}>{t.user.email}</td>}
                <td className={`${tdCls} font-mono text-xs text-slate-500`}>{t.prefix}…</td>
                <td className={`${tdCls} text-xs text-slate-600`}><TimeAgo at={t.createdAt} /></td>
                <td className={`${tdCls} text-xs text-slate-600`}><TimeAgo at={t.lastUsedAt} fallback="never" /></td>
                <td className={`${tdCls} text-xs text-slate-600`}><TimeAgo at={t.expiresAt} fallback="never" /></td>
                <td className={`${tdCls} text-xs font-medium ${s.cls}`}>{s.label}</td>
                <td className={`${tdCls} text-right`}>
                  {s.label === 'active' && (
                    <button type="button" className={dangerButtonCls} disabled={revoke.isPending} onClick={() => revoke.mutate(t.id)}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
          {tokens.data?.tokens.length === 0 && (
            <tr>
              <td colSpan={8} className="px-3 py-4 text-center text-sm text-slate-400">
                No tokens yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
