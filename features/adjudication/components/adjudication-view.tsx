'use client';

import { useCallback, useMemo, useState } from 'react';
import type { AdjudicationVote } from '@/lib/review/adjudication';
import type { RejectReasonCode } from '@/lib/review/reject-reasons';
import type { ReviewVersion } from '@/lib/review/review-item';
import { answerCheckFails } from '@/lib/answers/answer-check-rule';
import { useAdjudicationList } from '../api/adjudication-list';
import { useAdjudicationItem } from '../api/adjudication-item';
import { useAdjudicate } from '../api/adjudicate';
import { AnswerCheck } from '@/components/cot/answer-check';
import { useOpenEndedMinScore } from '@/components/cot/answer-threshold-context';
import { QuestionCard } from '@/components/review/question-card';
import { RejectDialog } from '@/components/review/reject-dialog';
import { AcceptAnywayDialog } from '@/components/review/accept-anyway-dialog';
import { Kbd } from '@/components/ui/kbd';
import { useHotkeys } from '@/components/review/use-hotkeys';

type Dialog = { kind: 'reject'; initial?: RejectReasonCode } | { kind: 'anyway'; version: ReviewVersion } | null;

/**
 * Adjudication: the items whose reviewers disagreed, one at a time, with every reviewer's
 * decision and chosen CoT side by side. Keyboard like the review page: 1–9 take reviewer N's
 * decision, R rejects with a reason, J / K next / previous item.
 */
export function AdjudicationView({ query }: { query: string }) {
  const list = useAdjudicationList(query);
  const adjudicate = useAdjudicate();
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const [selected, setSelected] = useState<number | null>(null);
  const current = selected !== null && items.some((i) => i.id === selected) ? selected : (items[0]?.id ?? null);
  const detail = useAdjudicationItem(current);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const minScore = useOpenEndedMinScore();
  const index = items.findIndex((i) => i.id === current);
  const move = useCallback((d: number) => {
    const next = items[index + d];
    if (next) setSelected(next.id);
  }, [items, index]);

  const post = useCallback(
    async (body: Record<string, unknown>, label: string) => {
      if (!detail.data) return;
      const it = detail.data.item;
      try {
        await adjudicate(it.id, body, it.rev, () => {
          setMessage({ tone: 'ok', text: `${label} · ${it.problemId}` });
          const next = items[index + 1] ?? items[index - 1];
          setSelected(next?.id ?? null);
        });
      } catch (e) {
        setMessage({ tone: 'error', text: `Not saved: ${e instanceof Error ? e.message : String(e)}` });
      }
    },
    [detail.data, items, index, adjudicate],
  );

  const take = useCallback(
    (v: AdjudicationVote | undefined) => {
      if (!v || !detail.data) return;
      if (v.status === 'rejected') return setDialog({ kind: 'reject' });
      if (!v.version) return;
      if (answerCheckFails(v.version, detail.data.item.problemType, minScore)) return setDialog({ kind: 'anyway', version: v.version });
      void post({ action: 'accept', versionId: v.version.id }, `Accepted ${v.reviewer.name}'s ${v.version.kind}`);
    },
    [detail.data, minScore, post],
  );

  const votes = detail.data?.votes ?? [];
  const keys: Record<string, () => void> = { j: () => move(1), k: () => move(-1), r: () => setDialog({ kind: 'reject' }) };
  votes.forEach((v, i) => (keys[String(i + 1)] = () => take(v)));
  useHotkeys(keys, dialog === null);

  if (list.isPending) return <p className="text-sm text-slate-500">Loading…</p>;
  if (list.error) return <p className="text-sm text-rose-700">{list.error.message}</p>;
  const note = message && (
    <p className={`rounded px-2 py-1 text-xs ${message.tone === 'ok' ? 'bg-emerald-50 text-emerald-800' : 'bg-rose-50 text-rose-800'}`} role="status" data-testid="adjudication-message">
      {message.text}
    </p>
  );
  if (items.length === 0)
    return (
      <div className="space-y-2">
        {note}
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600" data-testid="adjudication-empty">
          Nothing to adjudicate: every reviewed item was settled by its reviewers.
        </p>
      </div>
    );

  return (
    <div className="grid grid-cols-[220px_minmax(0,1fr)] gap-3" data-testid="adjudication">
      <ul className="max-h-[75vh] divide-y divide-slate-100 overflow-y-auto rounded-lg border border-slate-200 bg-white text-sm">
        {items.map((i) => (
          <li key={i.id}>
            <button type="button" onClick={() => setSelected(i.id)} className={`w-full px-2 py-1.5 text-left ${i.id === current ? 'bg-indigo-50 font-medium text-indigo-900' : 'hover:bg-slate-50'}`}>
              <span className="font-mono text-xs">#{i.problemId}</span> <span className="text-xs text-slate-500">{i.votes} votes</span>
              <span className="line-clamp-1 text-xs text-slate-600">{i.problem}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="min-w-0 space-y-2">
        <p className="text-xs text-slate-500">
          {index + 1} of {list.data?.total} · <Kbd>1</Kbd>–<Kbd>{Math.max(1, votes.length)}</Kbd> take that reviewer&apos;s decision · <Kbd>R</Kbd> reject · <Kbd>J</Kbd>/<Kbd>K</Kbd> next / previous
        </p>
        {note}
        {detail.data ? (
          <>
            <QuestionCard item={detail.data.item} />
            <div className="grid gap-2" style={{ gridTemplateColumns: `repeat(${Math.max(1, votes.length)}, minmax(0, 1fr))` }}>
              {votes.map((v, i) => (
                <section key={v.reviewer.id} className="flex min-h-0 flex-col rounded-lg border border-slate-200 bg-white" data-testid="adjudication-vote">
                  <header className="flex items-center gap-2 border-b border-slate-100 px-3 py-1.5 text-xs">
                    <Kbd>{i + 1}</Kbd>
                    <span className="font-medium text-slate-800">{v.reviewer.name || v.reviewer.email}</span>
                    <span className={`rounded px-1.5 py-0.5 font-medium ${v.status === 'accepted' ? 'bg-emerald-50 text-emerald-700' : 'bg-rose-50 text-rose-700'}`}>
                      {v.status === 'accepted' ? `accepted ${v.version?.kind ?? ''}` : 'rejected'}
                    </span>
                    {v.version && <span className="ml-auto"><AnswerCheck check={v.version} problemType={detail.data!.item.problemType} compact /></span>}
                  </header>
                  {v.reason && <p className="border-b border-slate-100 px-3 py-1 text-xs text-slate-600">Reason: {v.reason}</p>}
                  <pre className="max-h-[45vh] overflow-y-auto px-3 py-2 font-sans text-[13px] whitespace-pre-wrap text-slate-800">{v.version?.text ?? '(no CoT: rejected)'}</pre>
                  <button type="button" onClick={() => take(v)} className="m-2 rounded bg-slate-900 px-2 py-1 text-xs font-medium text-white hover:bg-slate-700" data-testid={`adjudication-take-${i + 1}`}>
                    Take this decision ({i + 1})
                  </button>
                </section>
              ))}
            </div>
          </>
        ) : (
          <p className="text-sm text-slate-500">{detail.error ? detail.error.message : 'Loading…'}</p>
        )}
      </div>
      {dialog?.kind === 'reject' && (
        <RejectDialog
          initial={dialog.initial}
          onClose={() => setDialog(null)}
          onReject={(reason, note) => {
            setDialog(null);
            void post({ action: 'reject', reason, note: note.trim() || undefined }, 'Rejected');
          }}
        />
      )}
      {dialog?.kind === 'anyway' && detail.data && (
        <AcceptAnywayDialog
          item={detail.data.item}
          version={dialog.version}
          label={dialog.version.kind}
          onClose={() => setDialog(null)}
          onAccept={(reason) => {
            const v = dialog.version;
            setDialog(null);
            void post({ action: 'accept', versionId: v.id, acceptAnyway: true, reason }, `Accepted the ${v.kind} anyway`);
          }}
        />
      )}
    </div>
  );
}
