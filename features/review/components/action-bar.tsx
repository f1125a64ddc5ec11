'use client';

import type { ReactNode } from 'react';
import { Kbd } from '@/components/ui/kbd';

type Tone = 'primary' | 'secondary' | 'danger' | 'plain';

const TONES: Record<Tone, string> = {
  primary: 'bg-emerald-600 text-white hover:bg-emerald-700 border-transparent',
  secondary: 'bg-white text-slate-800 hover:bg-slate-50 border-slate-300',
  danger: 'bg-white text-rose-700 hover:bg-rose-50 border-rose-200',
  plain: 'bg-transparent text-slate-600 hover:bg-slate-100 border-transparent',
};

export function ActionButton({ label, keyHint, onClick, tone = 'secondary', disabled, title, testId }: { label: ReactNode; keyHint: string; onClick: () => void; tone?: Tone; disabled?: boolean; title?: string; testId?: string }) {
  return (
    <button
      type="button"
      onClick={(e) => {
        // Leave focus on the page, so a later Enter or Space does not press this button again.
        e.currentTarget.blur();
        onClick();
      }}
      disabled={disabled}
      title={title}
      data-testid={testId}
      className={`inline-flex h-8 items-center gap-2 rounded-md border px-2.5 text-[13px] font-medium whitespace-nowrap transition-colors disabled:cursor-not-allowed disabled:opacity-40 ${TONES[tone]}`}
    >
      <span>{label}</span>
      <Kbd tone={tone === 'primary' ? 'dark' : 'light'}>{keyHint}</Kbd>
    </button>
  );
}
