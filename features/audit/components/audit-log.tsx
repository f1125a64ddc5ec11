import Link from 'next/link';
import type { z } from 'zod';
import { AUDIT_CATEGORIES, type AuditCategory, type auditQuerySchema, type listAuditEvents } from '@/lib/audit/list-audit-events';
import { inputCls, panelCls, secondaryButtonCls, tdCls, thCls } from '@/components/ui/form-styles';
import { TimeAgo } from '@/components/ui/time-ago';

const CATEGORY_LABEL: Record<AuditCategory, string> = {
  'sign-in': 'Sign-ins',
  review: 'Decisions',
  edit: 'Edits',
  bulk: 'Bulk',
  import: 'Imports',
  export: 'Exports',
  run: 'Runs',
  access: 'Users & tokens',
};

function href(params: Record<string, string | undefined>): string {
  const p = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1]));
  const s = p.toString();
  return s ? `/audit?${s}` : '/audit';
}

function subjectLink(type: string, id: string | null): string | null {
  if (!id) return null;
  if (type === 'item') return `/items/${id}`;
  return null;
}

/** The audit log: category tabs, an actor filter, one row per event, keyset pages (newest first). */
export function AuditLog({ q, events, nextBefore }: { q: z.output<typeof auditQuerySchema> } & Awaited<ReturnType<typeof listAuditEvents>>) {
  const keep = { category: q.category, actor: q.actor, subjectType: q.subjectType, subjectId: q.subjectId };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-lg font-semibold">Audit log</h1>
          <p className="text-sm text-slate-600">Every decision, edit, bulk action, import, export, run and sign-in: who, when and what.</p>
        </div>
        <form action="/audit" className="flex items-end gap-2">
          {q.category && <input type="hidden" name="category" value={q.category} />}
          <label>
            <span className="text-xs font-medium text-slate-600">Actor (email or id)</span>
            <input name="actor" defaultValue={q.actor ?? ''} className={`${inputCls} w-64`} />
          </label>
          <button className={secondaryButtonCls}>Filter</button>
        </form>
      </div>
      <nav className="flex flex-wrap gap-1 text-sm" aria-label="Categories">
        <Link href={href({ ...keep, category: undefined })} className={`rounded px-2.5 py-1 ${!q.category ? 'bg-slate-900 text-white' : 'text-slate-600 hover:bg-slate-100'}`}>
          All
        </Link>
        {(Object.keys(AUDIT_CATEGORIES) as AuditCategory[]).map((c) => (
          <Link key={c} href={href({ ...keep, category: c })} className={`rounded px-2.5 py-1 ${q.category === c ? 'bg-slate-900 text-white' : 'text-slate-600 hover:bg-slate-100'}`}>
            {CATEGORY_LABEL[c]}
          </Link>
        ))}
      </nav>
      <div className={`${panelCls} overflow-hidden`}>
        <table className="w-full text-sm" data-testid="audit-table">
          <thead className="bg-slate-50">
            <tr>
              <th className={`${thCls} w-44`}>When</th>
              <th className={`${thCls} w-56`}>Who</th>
              <th className={`${thCls} w-48`}>Action</th>
              <th className={`${thCls} w-48`}>Subject</th>
              <th className={thCls}>Details</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {events.map((e) => {
              const link = subjectLink(e.subjectType, e.subjectId);
              const details = JSON.stringify(e.data);
              return (
                <tr key={e.id} className="align-top" data-testid="audit-row">
                  <td className={`${tdCls} whitespace-nowrap font-mono text-xs text-slate-600`}><TimeAgo at={e.createdAt} /></td>
                  <td className={`${tdCls} text-xs`}>
                    {e.actor ? (
                      <Link href={href({ actor: e.actor.email })} className="text-indigo-700 hover:underline">
                        {e.actor.email}
                      </Link>
                    ) : (
                      <span className="text-slate-400">system / anonymous</span>
                    )}
                  </td>
                  <td className={`${tdCls} font-mono text-xs`}>{e.action}</td>
                  <td className={`${tdCls} text-xs text-slate-600`}>
                    {e.subjectType}
                    {e.subjectId && (
                      <>
                        {' '}
                        {link ? (
                          <Link href={link} className="font-mono text-indigo-700 hover:underline">
                            {e.subjectId}
                          </Link>
                        ) : (
                          <span className="font-mono">{e.subjectId.length > 16 ? `${e.subjectId.slice(0, 16)}…` : e.subjectId}</span>
                        )}
                      </>
                    )}
                  </td>
                  <td className={`${tdCls} max-w-0 truncate font-mono text-xs text-slate-500`} title={details}>
                    {details === '{}' ? '' : details}
                  </td>
                </tr>
              );
            })}
            {events.length === 0 && (
              <tr>
                <td colSpan={5} className="px-3 py-6 text-center text-sm text-slate-400">
                  Nothing recorded{q.category || q.actor ? ' for this filter' : ''}.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <div className="flex gap-3 text-sm">
        {q.before && (
          <Link href={href(keep)} className="text-indigo-700 hover:underline">
            ← Newest
          </Link>
        )}
        {nextBefore && (
          <Link href={href({ ...keep, before: String(nextBefore) })} className="text-indigo-700 hover:underline">
            Older →
          </Link>
        )}
      </div>
    </div>
  );
}
