'use client';

import { useState } from 'react';
import type { Guidelines } from '@/lib/datasets/guidelines';
import { GUIDELINES_MAX_CHARS } from '@/lib/datasets/guidelines-limits';
import { TimeAgo } from '@/components/ui/time-ago';
import { MarkdownView } from '@/components/guidelines/markdown-view';
import { useSaveGuidelines } from '@/components/guidelines/guidelines-query';

/** Markdown on the left, what reviewers will see on the right. */
export function GuidelinesEditor({ initial }: { initial: Guidelines }) {
  const [saved, setSaved] = useState(initial);
  const [text, setText] = useState(initial.markdown);
  const save = useSaveGuidelines(initial.datasetId);
  const dirty = text !== saved.markdown;
  return (
    <div className="space-y-2">
      <div className="grid grid-cols-2 gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="guidelines-text" className="text-xs font-medium text-slate-600">
            Markdown (headings, lists, **bold**, *italic*, `code`, [links](https://…); HTML is shown as text)
          </label>
          <textarea
            id="guidelines-text"
            data-testid="guidelines-text"
            className="h-[60vh] w-full resize-y rounded-lg border border-slate-300 bg-white p-3 font-mono text-[13px] focus:border-indigo-500 focus:outline-none"
            value={text}
            maxLength={GUIDELINES_MAX_CHARS}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="flex flex-col gap-1">
          <span className="text-xs font-medium text-slate-600">Preview</span>
          <div className="h-[60vh] overflow-y-auto rounded-lg border border-slate-200 bg-white p-4" data-testid="guidelines-preview">
            {text.trim() ? <MarkdownView source={text} /> : <p className="text-sm text-slate-400">Nothing yet.</p>}
          </div>
        </div>
      </div>
      <div className="flex items-center gap-3">
        <button
          type="button"
          data-testid="guidelines-save"
          disabled={!dirty || save.isPending}
          onClick={() => save.mutate({ markdown: text, expectedUpdatedAt: saved.updatedAt }, { onSuccess: (g) => setSaved(g) })}
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-50"
        >
          {save.isPending ? 'Saving…' : 'Save guidelines'}
        </button>
        <span className="text-xs text-slate-500" data-testid="guidelines-status">
          {dirty ? 'Unsaved changes' : saved.updatedAt ? <>Saved <TimeAgo at={saved.updatedAt} />{saved.updatedBy ? ` by ${saved.updatedBy}` : ''}</> : 'Not written yet'}
        </span>
        <span className="ml-auto text-xs text-slate-400 tabular-nums">
          {text.length.toLocaleString('en-US')} / {GUIDELINES_MAX_CHARS.toLocaleString('en-US')}
        </span>
      </div>
      {save.error && (
        <p className="rounded border border-rose-200 bg-rose-50 px-2 py-1 text-xs text-rose-800" role="alert">
          {save.error.message}
        </p>
      )}
    </div>
  );
}
