'use client';

import type { ReactNode } from 'react';

/** The small toolbar/dialog button (default, primary, danger, ghost). */
export function Button({
  children,
  onClick,
  variant = 'default',
  disabled,
  type = 'button',
  testId,
  title,
}: {
  children: ReactNode;
  onClick?: () => void;
  variant?: 'default' | 'primary' | 'danger' | 'ghost';
  disabled?: boolean;
  type?: 'button' | 'submit';
  testId?: string;
  title?: string;
}) {
  const style = {
    default: 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50',
    primary: 'border-indigo-600 bg-indigo-600 text-white hover:bg-indigo-700',
    danger: 'border-rose-600 bg-rose-600 text-white hover:bg-rose-700',
    ghost: 'border-transparent bg-transparent text-slate-600 hover:bg-slate-100',
  }[variant];
  return (
    <button
      type={type}
      onClick={onClick}
      disabled={disabled}
      data-testid={testId}
      title={title}
      className={`inline-flex h-7 items-center gap-1 rounded border px-2.5 text-xs font-medium whitespace-nowrap disabled:cursor-not-allowed disabled:opacity-50 ${style}`}
    >
      {children}
    </button>
  );
}
