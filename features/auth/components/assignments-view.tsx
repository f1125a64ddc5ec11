'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useAssignments } from '@/features/auth/api/assignments';
import { useCreateAssignment } from '@/features/auth/api/create-assignment';
import { useDeleteAssignment } from '@/features/auth/api/delete-assignment';
import { useUsers } from '@/features/auth/api/users';
import { AssignmentAgreementPanel } from './assignment-agreement-panel';
import { ErrorNote } from '@/components/ui/error-note';
import { buttonCls, dangerButtonCls, inputCls, panelCls, secondaryButtonCls } from '@/components/ui/form-styles';
import { plural } from '@/lib/format/plural';

type Dataset = { id: number; name: string };

function CreateAssignmentForm({ datasets }: { datasets: Dataset[] }) {
  const users = useUsers();
  const create = useCreateAssignment();
  const [name, setName] = useState('');
  const [dataset, setDataset] = useState(String(datasets[0]?.id ?? ''));
  const [rest, setRest] = useState('status=pending');
  const [required, setRequired] = useState(1);
  const [rule, setRule] = useState<'unanimous' | 'majority'>('unanimous');
  const [reviewers, setReviewers] = useState<string[]>([]);
  const active = users.data?.users.filter((u) => !u.disabled) ?? [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const filter = [`dataset=${dataset}`, rest.trim().replace(/^[?&]+/, '')].filter(Boolean).join('&');
    create.mutate({ name: name.trim(), filter, requiredReviews: required, consensusRule: rule, reviewerIds: reviewers }, { onSuccess: () => (setName(''), setReviewers([])) });
  };

  return (
    <section className={panelCls}>
      <header className="border-b border-slate-100 px-4 py-2.5">
        <h2 className="text-sm font-semibold">Assign work</h2>
        <p className="text-xs text-slate-500">
          An items-table filter (copy it from the Items page URL) given to reviewers. Bulk decisions by a reviewer are limited to their assigned items.
        </p>
      </header>
      <form onSubmit={submit} className="grid grid-cols-1 gap-3 px-4 py-3 lg:grid-cols-[1fr_1fr]" data-testid="create-assignment-form">
        <div className="space-y-3">
          <label className="block">
            <span className="text-xs font-medium text-slate-600">Name</span>
            <input className={inputCls} value={name} onChange={(e) => setName(e.target.value)} required placeholder="e.g. OCR items, second pass" />
          </label>
          <div className="flex gap-2">
            <label className="w-44">
              <span className="text-xs font-medium text-slate-600">Dataset</span>
              <select className={inputCls} value={dataset} onChange={(e) => setDataset(e.target.value)} aria-label="Dataset">
                {datasets.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex-1">
              <span className="text-xs font-medium text-slate-600">Filter</span>
              <input className={`${inputCls} font-mono`} value={rest} onChange={(e) => setRest(e.target.value)} placeholder="status=pending&type=OCR" aria-label="Filter" />
            </label>
          </div>
          <label className="block w-44">
            <span className="text-xs font-medium text-slate-600">Reviews per item</span>
            <input type="number" min={1} max={5} className={inputCls} value={required} onChange={(e) => setRequired(Number(e.target.value))} aria-label="Reviews per item" />
          </label>
          {required > 1 && (
            <label className="block">
              <span className="text-xs font-medium text-slate-600">Consensus rule</span>
              <select className={inputCls} value={rule} onChange={(e) => setRule(e.target.value as 'unanimous' | 'majority')} aria-label="Consensus rule">
                <option value="unanimous">All {required} agree → decided; any disagreement → needs adjudication</option>
                <option value="majority">More than half agree → decided; otherwise → needs adjudication</option>
              </select>
            </label>
          )}
        </div>
        <fieldset>
          <legend className="text-xs font-medium text-slate-600">Reviewers</legend>
          <div className="mt-1 max-h-40 space-y-1 overflow-auto rounded-md border border-slate-200 px-2 py-1.5">
            {active.map((u) => (
              <label key={u.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={reviewers.includes(u.id)}
                  onChange={(e) => setReviewers(e.target.checked ? [...reviewers, u.id] : reviewers.filter((r) => r !== u.id))}
                />
                {u.email} <span className="text-xs text-slate-400">{u.role}</span>
              </label>
            ))}
          </div>
          <div className="mt-3 flex items-center gap-3">
            <button className={buttonCls} disabled={create.isPending || reviewers.length === 0}>
              Assign
            </button>
            <ErrorNote error={create.error} />
          </div>
        </fieldset>
      </form>
    </section>
  );
}

export function AssignmentsView({ canManage, datasets }: { canManage: boolean; datasets: Dataset[] }) {
  const list = useAssignments();
  const remove = useDeleteAssignment();
  const [open, setOpen] = useState<number | null>(null);
  return (
    <div className="space-y-4">
      {canManage && <CreateAssignmentForm datasets={datasets} />}
      <section className={panelCls}>
        <header className="border-b border-slate-100 px-4 py-2.5">
          <h2 className="text-sm font-semibold">{canManage ? 'Assignments' : 'Your assignments'}</h2>
        </header>
        <div className="px-4 pt-2">
          <ErrorNote error={list.error ?? remove.error} />
        </div>
        <ul className="divide-y divide-slate-100" data-testid="assignments-list">
          {list.data?.assignments.map((a) => (
            <li key={a.id} className="px-4 py-3" data-testid="assignment-row">
              <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
                <span className="font-medium">{a.name}</span>
                <span className="text-xs text-slate-500">{a.datasetName}</span>
                <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">{a.filter}</code>
                <span className="text-xs text-slate-600">
                  {plural(a.items, 'item')} · {plural(a.requiredReviews, 'review')} each
                </span>
                <span className="text-xs text-slate-500">{a.reviewers.map((r) => r.email).join(', ')}</span>
                <span className="ml-auto flex gap-1.5">
                  <Link href={`/items?${a.filter}`} className={secondaryButtonCls}>
                    Open items
                  </Link>
                  <button type="button" className={secondaryButtonCls} onClick={() => setOpen(open === a.id ? null : a.id)}>
                    {open === a.id ? 'Hide progress' : a.requiredReviews > 1 ? 'Progress & agreement' : 'Progress'}
                  </button>
                  {canManage && (
                    <button type="button" className={dangerButtonCls} disabled={remove.isPending} onClick={() => remove.mutate(a.id)}>
                      Delete
                    </button>
                  )}
                </span>
              </div>
              {open === a.id && (
                <div className="mt-3">
                  <AssignmentAgreementPanel id={a.id} />
                </div>
              )}
            </li>
          ))}
          {list.data?.assignments.length === 0 && <li className="px-4 py-6 text-center text-sm text-slate-400">No assignments yet.</li>}
        </ul>
      </section>
    </div>
  );
}
