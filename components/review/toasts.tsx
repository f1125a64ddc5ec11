'use client';

import { useCallback, useRef, useState } from 'react';

export type ToastAction = { label: string; onClick: () => void };
export type Toast = { id: number; tone: 'info' | 'success' | 'error'; text: string; action?: ToastAction; sticky?: boolean };

/** Short notices after decisions; errors stay until dismissed, the rest fade after a few seconds. */
export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const seq = useRef(0);
  const dismiss = useCallback((id: number) => setToasts((t) => t.filter((x) => x.id !== id)), []);
  const push = useCallback(
    (t: Omit<Toast, 'id'>) => {
      const id = ++seq.current;
      setToasts((all) => [...all.slice(-3), { ...t, id }]);
      if (!t.sticky && t.tone !== 'error') setTimeout(() => dismiss(id), 4000);
      return id;
    },
    [dismiss],
  );
  return { toasts, push, dismiss };
}

const TONE = { info: 'bg-slate-900 text-white', success: 'bg-slate-900 text-white', error: 'bg-rose-700 text-white' } as const;

export function Toasts({ toasts, dismiss }: { toasts: Toast[]; dismiss: (id: number) => void }) {
  return (
    <div className="pointer-events-none fixed bottom-16 left-1/2 z-40 flex -translate-x-1/2 flex-col items-center gap-2" aria-live="polite" data-testid="toasts">
      {toasts.map((t) => (
        <div key={t.id} className={`pointer-events-auto flex max-w-xl items-center gap-3 rounded-md px-3 py-2 text-[13px] shadow-lg ${TONE[t.tone]}`} role={t.tone === 'error' ? 'alert' : 'status'}>
          {t.tone === 'success' && <span className="text-emerald-300">✓</span>}
          <span className="min-w-0">{t.text}</span>
          {t.action && (
            <button
              type="button"
              onClick={() => {
                t.action!.onClick();
                dismiss(t.id);
              }}
              className="shrink-0 rounded px-1.5 py-0.5 font-medium text-indigo-200 hover:bg-white/10 hover:text-white"
            >
              {t.action.label}
            </button>
          )}
          <button type="button" onClick={() => dismiss(t.id)} className="shrink-0 text-white/50 hover:text-white" aria-label="Dismiss">
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
