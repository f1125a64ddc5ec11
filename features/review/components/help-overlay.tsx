'use client';

import { Fragment } from 'react';
import { Kbd } from '@/components/ui/kbd';
import { Modal } from '@/components/ui/modal';
import { SHORTCUT_GROUPS } from '@/features/review/components/shortcuts';

export function HelpOverlay({ onClose, onGuidelines }: { onClose: () => void; onGuidelines?: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} width="max-w-3xl" testId="help-overlay">
      {onGuidelines && (
        <p className="border-b border-slate-100 px-4 py-2.5 text-[13px] text-slate-600">
          How to decide:{' '}
          <button type="button" className="font-medium text-indigo-700 hover:underline" onClick={onGuidelines} data-testid="help-guidelines">
            read this dataset&apos;s guidelines
          </button>{' '}
          (<Kbd>G</Kbd> toggles them beside the item).
        </p>
      )}
      {/* The list scrolls on short windows, so nothing in it is out of reach. */}
      <div className="grid max-h-[calc(100vh-12rem)] grid-cols-1 gap-x-8 gap-y-4 overflow-y-auto p-4 md:grid-cols-2">
        {SHORTCUT_GROUPS.map((g) => (
          <section key={g.title}>
            <h3 className="mb-1.5 text-[11px] font-semibold tracking-wide text-slate-400 uppercase">{g.title}</h3>
            <dl className="grid grid-cols-[auto_1fr] items-center gap-x-3 gap-y-1 text-[13px]">
              {g.items.map((s) => (
                <Fragment key={s.label}>
                  <dt className="flex gap-1">
                    {s.keys.map((k) => (
                      <Kbd key={k}>{k}</Kbd>
                    ))}
                  </dt>
                  <dd className="text-slate-700">{s.label}</dd>
                </Fragment>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Modal>
  );
}
