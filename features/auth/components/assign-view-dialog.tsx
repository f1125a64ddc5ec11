'use client';

import { useState } from 'react';
import { useUsers } from '@/features/auth/api/users';
import { useCreateAssignment } from '@/features/auth/api/create-assignment';
import { Button } from '@/components/ui/button';
import { Modal } from '@/components/ui/modal';

/** "Assign this view to reviewers": an assignment (lib/assignments) made of the table's current filter. */
export function AssignViewDialog({ filterKey, description, onClose, onDone }: { filterKey: string; description: string; onClose: () => void; onDone: (text: string) => void }) {
  const users = useUsers();
  const create = useCreateAssignment();
  const [name, setName] = useState(description.slice(0, 120));
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [required, setRequired] = useState(1);
  const reviewers = (users.data?.users ?? []).filter((u) => !u.disabled);
  return (
    <Modal
      title="Assign this view to reviewers"
      onClose={onClose}
      testId="assign-view"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            testId="assign-view-save"
            disabled={!name.trim() || picked.size === 0 || required > picked.size || create.isPending}
            onClick={() =>
              create.mutate(
                { name: name.trim(), filter: filterKey, requiredReviews: required, reviewerIds: [...picked] },
                { onSuccess: () => onDone(`Assigned “${name.trim()}” to ${picked.size} reviewer${picked.size === 1 ? '' : 's'}.`) },
              )
            }
          >
            Assign
          </Button>
        </>
      }
    >
      <p className="text-xs text-slate-500">The reviewers see this filter under Assignments, and their bulk actions stay within it.</p>
      <label className="block text-xs font-medium text-slate-600" htmlFor="assign-name">
        Name
      </label>
      <input id="assign-name" className="h-8 w-full rounded border border-slate-300 px-2 text-sm" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} data-testid="assign-name" />
      <fieldset className="space-y-1">
        <legend className="text-xs font-medium text-slate-600">Reviewers</legend>
        {users.isPending && <p className="text-xs text-slate-400">Loading users…</p>}
        {users.error && <p className="text-xs text-rose-700">{users.error.message}</p>}
        <div className="max-h-40 space-y-0.5 overflow-y-auto">
          {reviewers.map((u) => (
            <label key={u.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={picked.has(u.id)}
                onChange={(e) =>
                  setPicked((s) => {
                    const n = new Set(s);
                    if (e.target.checked) n.add(u.id);
                    else n.delete(u.id);
                    return n;
                  })
                }
                data-testid={`assign-reviewer-${u.email}`}
              />
              {u.name} <span className="text-xs text-slate-400">{u.email}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="flex items-center gap-2 text-xs text-slate-600">
        Reviews needed per item
        <input type="number" min={1} max={5} value={required} onChange={(e) => setRequired(Math.max(1, Math.min(5, Number(e.target.value) || 1)))} className="h-7 w-14 rounded border border-slate-300 px-1" />
      </label>
      {create.error && <p className="rounded border border-rose-200 bg-rose-50 px-2 py-1 text-xs text-rose-800">{create.error.message}</p>}
    </Modal>
  );
}
