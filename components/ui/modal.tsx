'use client';

import { useEffect, useId, useRef, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';

/**
 * The one modal dialog: a centred panel over a dimmed page. Escape (caught before page hotkeys)
 * or a click on the backdrop closes it; focus moves to the element marked data-autofocus, else
 * the first field, else the first button, and returns where it was on close. With `footer`, the
 * body is padded and the footer is a button row; without it, the children lay out the body.
 */
export function Modal({
  title,
  onClose,
  children,
  footer,
  width = 'max-w-lg',
  testId,
  onKeyDown,
}: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  width?: string;
  testId?: string;
  onKeyDown?: (e: ReactKeyboardEvent) => void;
}) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
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
      <div ref={box} role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1} data-testid={testId} onKeyDown={onKeyDown} className={`w-full ${width} overflow-hidden rounded-lg bg-white shadow-xl ring-1 ring-slate-200 outline-none`}>
        <div className="flex items-center border-b border-slate-100 px-4 py-2.5">
          <h2 id={titleId} className="text-sm font-semibold text-slate-900">
            {title}
          </h2>
          <button type="button" data-modal-close onClick={onClose} className="ml-auto rounded px-1.5 text-slate-400 hover:bg-slate-100 hover:text-slate-700" aria-label="Close">
            ✕
          </button>
        </div>
        {footer === undefined ? (
          children
        ) : (
          <>
            <div className="space-y-3 px-4 py-4 text-sm text-slate-700">{children}</div>
            <div className="flex justify-end gap-2 border-t border-slate-100 bg-slate-50 px-4 py-3">{footer}</div>
          </>
        )}
      </div>
    </div>
  );
}
