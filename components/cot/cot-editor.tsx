'use client';

import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { checkCot } from '@/lib/answers/score';
import type { ProblemType } from '@/lib/answers/problem-types';
import { diffStats, diffWords } from '@/lib/review/word-diff';
import { describeFormatProblem } from '@/lib/answers/format-problem';
import { AnswerCheck } from './answer-check';
import { CotText } from './cot-text';
import { TimeAgo } from '@/components/ui/time-ago';

export type EditorProps = {
  text: string;
  baseText: string;
  baseLabel: string;
  problemType: ProblemType;
  solution: string;
  savedLocallyAt: number | null;
  saving: boolean;
  showChanges: boolean;
  restored: boolean;
  onChange: (text: string) => void;
  onSave: (accept: boolean) => void;
  onClose: () => void;
  onDiscard: () => void;
  onToggleChanges: () => void;
};

/**
 * Editing a CoT: the trainers' format check and the answer check run as you type (the same
 * functions the server scores with), and every keystroke is kept locally until saved.
 */
export function CotEditor(p: EditorProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  const deferred = useDeferredValue(p.text);
  const check = useMemo(() => checkCot({ problemType: p.problemType, cotText: deferred, solution: p.solution, missingTag: 'empty', mode: 'training' }), [deferred, p.problemType, p.solution]);
  const changes = useMemo(() => diffWords(p.baseText, deferred), [p.baseText, deferred]);
  const stats = diffStats(changes);
  // Ctrl+Enter on a CoT that fails the format check says why instead of doing nothing.
  const [refusal, setRefusal] = useState<{ text: string; why: string } | null>(null);
  const shownRefusal = refusal && refusal.text === p.text ? refusal.why : null;

  useEffect(() => {
    const a = area.current;
    if (!a) return;
    a.focus({ preventScroll: true });
  }, []);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key === 'Enter') {
      e.preventDefault();
      // The check of the text as it is now (the deferred one may lag a keystroke behind).
      const why = describeFormatProblem(p.text);
      if (why === null) p.onSave(true);
      else setRefusal({ text: p.text, why: `Not accepted: ${why}` });
    } else if (mod && e.key.toLowerCase() === 's') {
      e.preventDefault();
      p.onSave(false);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      p.onClose();
    }
  };

  return (
    <div className="flex min-h-0 flex-1 flex-col" data-testid="cot-editor">
      <div className="flex items-center gap-3 border-b border-slate-100 bg-amber-50/40 px-3 py-1.5 text-xs">
        <span
          className={`inline-flex shrink-0 items-center gap-1 font-medium ${check.formatOk ? 'text-emerald-700' : 'text-amber-800'}`}
          title={describeFormatProblem(deferred) ?? "The trainers' format: <think>…</think> then <answer>…</answer>, nothing before or after"}
          data-testid="editor-format"
        >
          {check.formatOk ? '✓ format' : '✗ format'}
        </span>
        <AnswerCheck check={{ answer: check.prediction, answerCorrect: check.correct, answerScore: check.score, formatOk: null }} problemType={p.problemType} />
        <span className="ml-auto min-w-0 truncate text-[11px] text-slate-400" data-testid="editor-autosave" title="Your edit is kept in this browser until it is saved">
          {p.restored ? 'restored · ' : ''}
          {p.savedLocallyAt ? (
            <>
              kept <TimeAgo at={p.savedLocallyAt} />
            </>
          ) : (
            'unchanged'
          )}
        </span>
        <button
          type="button"
          onClick={p.onToggleChanges}
          className={`inline-flex h-6 shrink-0 items-center rounded px-1.5 ${p.showChanges ? 'bg-indigo-50 text-indigo-700' : 'text-slate-600 hover:bg-white'}`}
          title={`Show your changes against the ${p.baseLabel}`}
          aria-pressed={p.showChanges}
        >
          Changes <span className="ml-1 font-mono text-[10px] text-emerald-700">+{stats.inserted}</span>
          <span className="ml-0.5 font-mono text-[10px] text-rose-700">−{stats.deleted}</span>
        </button>
      </div>
      {p.showChanges ? (
        <div className="min-h-0 flex-1 overflow-y-auto px-4 py-3">
          <CotText text={p.text} durationSec={null} diff={{ ops: changes, side: 'new' }} />
        </div>
      ) : (
        <textarea
          ref={area}
          value={p.text}
          onChange={(e) => p.onChange(e.target.value)}
          onKeyDown={onKeyDown}
          spellCheck
          aria-label="Edited chain of thought"
          data-testid="editor-text"
          className="min-h-0 flex-1 resize-none bg-white px-4 py-3 font-sans text-[13px] leading-relaxed text-slate-900 outline-none"
        />
      )}
      {shownRefusal && (
        <p className="border-t border-amber-200 bg-amber-50 px-3 py-1 text-xs text-amber-900" role="alert" data-testid="editor-format-refusal">
          {shownRefusal}
        </p>
      )}
      <div className="flex items-center gap-1.5 border-t border-slate-100 px-2 py-1.5">
        <button
          type="button"
          disabled={p.saving || !check.formatOk}
          onClick={() => p.onSave(true)}
          data-testid="editor-save-accept"
          title={check.formatOk ? 'Save as a new version and accept it (Ctrl+Enter)' : `Fix the format to accept: ${describeFormatProblem(deferred) ?? ''}`}
          className="inline-flex h-7 shrink-0 items-center gap-1.5 rounded bg-emerald-600 px-2 text-xs font-medium text-white hover:bg-emerald-700 disabled:cursor-not-allowed disabled:opacity-50"
        >
          Save &amp; accept <kbd className="rounded bg-white/20 px-1 font-mono text-[10px]">Ctrl↵</kbd>
        </button>
        <button
          type="button"
          disabled={p.saving}
          onClick={() => p.onSave(false)}
          data-testid="editor-save"
          title="Save as a new version and keep the item pending (Ctrl+S)"
          className="inline-flex h-7 shrink-0 items-center gap-1.5 rounded border border-slate-300 bg-white px-2 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50"
        >
          Save <kbd className="rounded bg-slate-100 px-1 font-mono text-[10px] text-slate-500">Ctrl S</kbd>
        </button>
        <button type="button" onClick={p.onDiscard} className="ml-auto h-7 shrink-0 rounded px-1.5 text-xs text-slate-500 hover:bg-rose-50 hover:text-rose-700" data-testid="editor-discard">
          Discard
        </button>
        <button type="button" onClick={p.onClose} className="h-7 shrink-0 rounded px-1.5 text-xs text-slate-600 hover:bg-slate-100" title="Close the editor; the edit is kept (Esc)">
          Close <kbd className="font-mono text-[10px] text-slate-400">Esc</kbd>
        </button>
      </div>
    </div>
  );
}
