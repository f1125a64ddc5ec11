'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from './button';

/** A button with a panel under it; a click outside or Escape closes it. */
export function Popover({ label, testId, title, children, align = 'right' }: { label: ReactNode; testId: string; title?: string; children: (close: () => void) => ReactNode; align?: 'left' | 'right' }) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => !box.current?.contains(e.target as Node) && setOpen(false);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    window.addEventListener('mousedown', onDown);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('mousedown', onDown);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div className="relative" ref={box}>
      <Button testId={testId} title={title} onClick={() => setOpen((o) => !o)}>
        {label} <span className="text-[10px] text-slate-400">▾</span>
      </Button>
      {open && (
        <div className={`absolute top-8 z-40 w-80 rounded-lg border border-slate-200 bg-white p-2 text-xs shadow-lg ${align === 'right' ? 'right-0' : 'left-0'}`} data-testid={`${testId}-panel`}>
          {children(() => setOpen(false))}
        </div>
      )}
    </div>
  );
}
