'use client';

import { useCallback, useRef, useState } from 'react';

export type ToastAction = { label: string; onClick: () => void };
export type Toast = { id: number; tone: 'info' | 'success' | 'error'; text: string; action?: ToastAction; sticky?: boolean };

/** At most this many errors wait to be dismissed; notices never pile up (a new one replaces the last). */
const MAX_ERRORS = 3;

/**
 * Short notices after decisions. During keyboard review a notice per decision would stack up,
 * so a new notice replaces the previous one; errors stay (up to MAX_ERRORS) until dismissed.
 */
export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const seq = useRef(0);
  const dismiss = useCallback((id: number) => setToasts((t) => t.filter((x) => x.id !== id)), []);
  const push = useCallback(
    (t: Omit<Toast, 'id'>) => {
      const id = ++seq.current;
      setToasts((all) => [...all.filter((x) => x.tone === 'error').slice(-(MAX_ERRORS - 1)), { ...t, id }]);
      if (!t.sticky && t.tone !== 'error') setTimeout(() => dismiss(id), 4000);
      return id;
    },
    [dismiss],
  );
  return { toasts, push, dismiss };
}

const TONE = { info: 'bg-slate-900 text-white', success: 'bg-slate-900 text-white', error: 'bg-rose-700 text-white' } as const;

/**
 * The newest notice, in the action bar rather than over the page, so it never covers the CoTs or
 * the answer boxes. Older errors wait behind it ("+1 more").
 */
export function Toasts({ toasts, dismiss }: { toasts: Toast[]; dismiss: (id: number) => void }) {
  const t = toasts[toasts.length - 1];
  const more = toasts.length - 1;
  return (
    <div className="ml-auto flex min-w-0 items-center gap-1.5" aria-live="polite" data-testid="toasts">
      {t && (
        <div key={t.id} className={`flex min-w-0 items-center gap-2 rounded-md px-2.5 py-1 text-xs shadow-sm ${TONE[t.tone]}`} role={t.tone === 'error' ? 'alert' : 'status'} data-testid="toast">
          {t.tone === 'success' && <span className="text-emerald-300">✓</span>}
          <span className="min-w-0 truncate" title={t.text}>
            {t.text}
          </span>
          {t.action && (
            <button
              type="button"
              onClick={() => {
                t.action!.onClick();
                dismiss(t.id);
              }}
              className="shrink-0 rounded px-1.5 py-0.5 font-medium whitespace-nowrap text-indigo-200 hover:bg-white/10 hover:text-white"
            >
              {t.action.label}
            </button>
          )}
          <button type="button" onClick={() => dismiss(t.id)} className="shrink-0 text-white/50 hover:text-white" aria-label="Dismiss">
            ✕
          </button>
        </div>
      )}
      {more > 0 && (
        <span className="shrink-0 rounded bg-rose-100 px-1.5 py-0.5 text-[11px] font-medium text-rose-800" title={toasts.slice(0, -1).map((x) => x.text).join('\n')}>
          +{more} more
        </span>
      )}
    </div>
  );
}
