'use client';

import { useState } from 'react';
import type { BulkActionSummary } from '@/lib/bulk/list-bulk-actions';
import { useBulkActions } from '@/features/items/api/get-bulk-actions';
import { useUndoBulk } from '@/features/items/api/undo-bulk';
import { Button } from '@/components/ui/button';
import { Modal } from '@/components/ui/modal';
import { operationVerb } from './describe-operation';
import { describeFilter } from './describe-filter';
import { itemFilterSchema } from '@/lib/items/filter';
import { TimeAgo } from '@/components/ui/time-ago';
import { plural } from '@/lib/format/plural';


function filterWords(url: string): string {
  const parsed = itemFilterSchema.safeParse(Object.fromEntries(new URLSearchParams(url)));
  return parsed.success ? describeFilter(parsed.data) : url;
}

function describe(a: BulkActionSummary): string {
  const params = (a.params ?? {}) as { stage?: string; version?: string; reason?: string };
  const selection = (a.selection ?? {}) as { kind?: string; filter?: string };
  const what = `${operationVerb({ type: a.type, ...params })} ${a.count.toLocaleString('en-US')} item${a.count === 1 ? '' : 's'}`;
  const scope = a.sampleId !== null ? ` — rest of sample #${a.sampleId}` : selection.kind === 'ids' ? ' — selected rows' : selection.filter ? ` — ${filterWords(selection.filter)}` : '';
  return `${what}${params.reason ? ` (“${params.reason}”)` : ''}${scope}`;
}

/** Recent bulk actions on the dataset, each undoable until undone. */
export function BulkHistory({ datasetId, onMessage }: { datasetId: number; onMessage: (m: string) => void }) {
  const { data } = useBulkActions(datasetId);
  const undo = useUndoBulk();
  const [confirming, setConfirming] = useState<BulkActionSummary | null>(null);
  const actions = data?.actions ?? [];
  if (actions.length === 0) return null;
  return (
    <section className="rounded-lg border border-slate-200 bg-white" data-testid="bulk-history">
      <h2 className="border-b border-slate-100 px-3 py-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">Recent bulk actions</h2>
      <ul className="divide-y divide-slate-100">
        {actions.map((a) => (
          <li key={a.id} className="flex items-center gap-3 px-3 py-1.5 text-xs" data-testid="bulk-history-row">
            <span className="w-10 font-mono text-slate-400">#{a.id}</span>
            <span className="min-w-0 flex-1 truncate text-slate-700" title={describe(a)}>
              {describe(a)}
            </span>
            <span className="text-slate-500">{a.appliedBy ?? 'no user'}</span>
            <span className="w-28 text-slate-500 tabular-nums"><TimeAgo at={a.appliedAt} fallback="" /></span>
            {a.state === 'undone' ? (
              <span className="w-36 text-right text-slate-500" data-testid="bulk-history-undone">
                undone{a.conflicts ? ` (${a.conflicts} kept: changed since)` : ''}
              </span>
            ) : (
              <span className="w-36 text-right">
                <Button testId="bulk-undo" onClick={() => setConfirming(a)} disabled={undo.isPending}>
                  Undo
                </Button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {confirming && (
        <Modal
          title={`Undo bulk action #${confirming.id}?`}
          onClose={() => setConfirming(null)}
          testId="confirm-undo"
          footer={
            <>
              <Button onClick={() => setConfirming(null)}>Cancel</Button>
              <Button
                variant="primary"
                testId="confirm-undo-apply"
                disabled={undo.isPending}
                onClick={() =>
                  undo.mutate(confirming.id, {
                    onSuccess: (r) => {
                      setConfirming(null);
                      onMessage(`Undid bulk action #${r.id}: ${plural(r.restored, 'item')} restored${r.conflicts ? `, ${r.conflicts} changed since and kept` : ''}.`);
                    },
                    onError: (e) => onMessage(`Undo failed: ${e.message}`),
                  })
                }
              >
                {undo.isPending ? 'Undoing…' : 'Undo'}
              </Button>
            </>
          }
        >
          <p>{describe(confirming)}.</p>
          <p className="text-xs text-slate-500">Every item goes back to its state before the action. Items someone changed since keep that change.</p>
        </Modal>
      )}
    </section>
  );
}
