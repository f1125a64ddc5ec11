'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/** A centred dialog over a dimmed page; Esc and a click outside close it, focus stays inside. */
export function Modal({ title, onClose, children, width = 'max-w-lg', testId, onKeyDown }: { title: ReactNode; onClose: () => void; children: ReactNode; width?: string; testId?: string; onKeyDown?: (e: React.KeyboardEvent) => void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    // The first field of the body (or one marked data-autofocus), never the close button.
    const first =
      box.current?.querySelector<HTMLElement>('[data-autofocus]') ??
      box.current?.querySelector<HTMLElement>('input:not([type=hidden]), textarea, select, button:not([data-modal-close])');
    (first ?? box.current)?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      previous?.focus?.({ preventScroll: true });
    };
  }, [onClose]);
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center bg-slate-900/30 p-4 pt-[10vh] backdrop-blur-[1px]" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={box} role="dialog" aria-modal="true" aria-label={typeof title === 'string' ? title : undefined} tabIndex={-1} data-testid={testId} onKeyDown={onKeyDown} className={`w-full ${width} overflow-hidden rounded-lg bg-white shadow-xl ring-1 ring-slate-200 outline-none`}>
        <div className="flex items-center border-b border-slate-100 px-4 py-2.5">
          <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
          <button type="button" data-modal-close onClick={onClose} className="ml-auto rounded px-1.5 text-slate-400 hover:bg-slate-100 hover:text-slate-700" aria-label="Close">
            ✕
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}
