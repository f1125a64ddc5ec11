'use client';

import { useEffect, useRef, useState } from 'react';
import type { VersionSteps } from '@/lib/steps/step-types';
import { richText, type SeekFn } from '@/components/cot/rich-cot';
import { EvidenceBadge, LabelBadge } from '@/features/review/components/step-badges';
import type { StepColumn } from '@/features/review/hooks/use-step-review';

/** The numbered steps of one CoT version, with the reviewer's verdicts and the evidence check's badges. */
export function StepList(p: {
  column: StepColumn;
  text: string;
  version: VersionSteps | undefined;
  loading: boolean;
  selected: number | null;
  onSelect: (index: number) => void;
  onSeek?: SeekFn;
  durationSec: number | null;
  noteOpen: number | null;
  onNote: (index: number, note: string) => void;
  onCloseNote: () => void;
}) {
  const { version: v } = p;
  if (!v) return <p className="px-4 py-3 text-xs text-slate-400">{p.loading ? 'Splitting into steps…' : 'No steps for this version.'}</p>;
  const labels = new Map(v.verdicts.map((x) => [x.stepIndex, x]));
  const evidence = new Map(v.evidence.map((x) => [x.stepIndex, x]));
  const review = v.review;
  return (
    <div data-testid="step-list" data-step-column={p.column} data-version-id={v.versionId}>
      <div className="sticky -top-3 z-10 -mx-4 -mt-3 flex flex-wrap items-center gap-x-3 gap-y-0.5 border-b border-slate-100 bg-white px-4 py-1 text-[11px] text-slate-500" data-testid="step-summary">
        <span>
          {review?.labelled ?? 0}/{v.steps.length} steps reviewed
        </span>
        {review?.firstError !== null && review?.firstError !== undefined && <span className="font-medium text-rose-700">first error: step {review.firstError + 1}</span>}
        {review?.finishReason === 'found_error' && <span className="text-slate-400">stopped at the first error</span>}
        {v.evidence.length > 0 && (
          <span data-testid="contradicted-count" className={v.contradicted > 0 ? 'font-medium text-rose-700' : 'text-emerald-700'}>
            {v.contradicted} contradicted of {v.evidence.length} visual claims
          </span>
        )}
      </div>
      <ol className="divide-y divide-slate-100">
        {v.steps.map((s) => {
          const sel = p.selected === s.index;
          const verdict = labels.get(s.index);
          const ev = evidence.get(s.index);
          return (
            <li
              key={s.index}
              data-step-index={s.index}
              data-selected={sel ? 'true' : undefined}
              onClick={() => p.onSelect(s.index)}
              className={`flex cursor-pointer gap-2 px-3 py-1.5 text-[13px] leading-relaxed ${sel ? 'bg-indigo-50 ring-2 ring-inset ring-indigo-300' : verdict?.label === -1 ? 'bg-rose-50/60' : 'hover:bg-slate-50'}`}
            >
              <span className="w-5 shrink-0 pt-0.5 text-right font-mono text-[11px] text-slate-400">{s.index + 1}</span>
              <span className="shrink-0 pt-0.5">
                <LabelBadge label={verdict?.label} />
              </span>
              <div className="min-w-0 flex-1">
                <div className={`whitespace-pre-wrap break-words ${s.kind === 'answer' ? 'font-medium text-slate-900' : 'text-slate-800'} ${s.reflection ? 'italic' : ''}`}>
                  {richText(p.text.slice(s.start, s.end), { onSeek: p.onSeek, durationSec: p.durationSec, showTags: s.kind === 'answer', keyPrefix: `s${s.index}-` })}
                </div>
                {(ev || verdict?.note) && (
                  <div className="mt-0.5 flex flex-wrap items-center gap-1.5">
                    {ev && <EvidenceBadge verdict={ev.verdict} reason={ev.reason} model={ev.model} />}
                    {ev && sel && <span className="text-[11px] text-slate-500">{ev.reason}</span>}
                    {verdict?.note && <span className="text-[11px] text-slate-600" data-testid="step-note">✎ {verdict.note}</span>}
                  </div>
                )}
                {sel && s.captions.length > 0 && (
                  <ul className="mt-1 space-y-0.5 border-l-2 border-indigo-200 pl-2 text-[11px] text-slate-500" data-testid="step-captions">
                    {s.captions.map((c) => (
                      <li key={c.seconds} className="line-clamp-3">
                        <span className="font-mono text-slate-400">{c.timestamp}</span> {c.caption}
                      </li>
                    ))}
                  </ul>
                )}
                {p.noteOpen === s.index && <NoteInput initial={verdict?.note ?? ''} onSave={(n) => p.onNote(s.index, n)} onClose={p.onCloseNote} />}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function NoteInput({ initial, onSave, onClose }: { initial: string; onSave: (note: string) => void; onClose: () => void }) {
  const [note, setNote] = useState(initial);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <input
      ref={ref}
      value={note}
      maxLength={500}
      data-testid="step-note-input"
      placeholder="A short note on this step (Enter saves, Esc closes)"
      onChange={(e) => setNote(e.target.value)}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          onSave(note.trim());
          onClose();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
      className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-[12px] outline-none focus:border-indigo-400 focus:ring-2 focus:ring-indigo-100"
    />
  );
}
