'use client';

import { useState } from 'react';
import { sampleSize } from '@/lib/sampling/sample-size';
import { useItemsCount } from '@/features/items/api/get-items-count';
import { useDrawSample, type DrawnSample } from '@/features/items/api/draw-sample';
import { Button } from '@/components/ui/button';
import { Modal } from '@/components/ui/modal';
import { plural } from '@/lib/format/plural';

const CONFIDENCES = [0.9, 0.95, 0.99];

/** Draw an acceptance sample from the current filter's pending items. */
export function DrawSampleDialog({ pendingFilter, onClose, onDrawn }: { pendingFilter: string; onClose: () => void; onDrawn: (s: DrawnSample) => void }) {
  const [confidence, setConfidence] = useState(0.95);
  const [marginPct, setMarginPct] = useState('5');
  const [barPct, setBarPct] = useState('90');
  const population = useItemsCount(pendingFilter).data?.count;
  const draw = useDrawSample();
  const margin = Number(marginPct) / 100;
  const bar = Number(barPct) / 100;
  const valid = margin >= 0.005 && margin <= 0.5 && bar >= 0 && bar <= 1;
  const size = valid && population !== undefined ? sampleSize({ confidence, margin, population }) : undefined;
  const field = 'h-7 w-20 rounded border border-slate-300 px-2 text-xs focus:border-indigo-500 focus:outline-none';
  return (
    <Modal
      title="Acceptance sampling"
      onClose={onClose}
      testId="draw-sample"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            testId="draw-sample-submit"
            disabled={!valid || !population || draw.isPending}
            onClick={() => draw.mutate({ filter: pendingFilter, confidence, margin, bar }, { onSuccess: onDrawn })}
          >
            {draw.isPending ? 'Drawing…' : size === undefined ? 'Draw' : `Draw ${plural(size, 'item')}`}
          </Button>
        </>
      }
    >
      <p className="text-xs text-slate-600">
        Review a uniform random sample of this filter&apos;s pending items. When every sampled item is decided and the lower end of the interval for the
        share of good items is above your bar, accept the rest in one click.
      </p>
      <div className="grid grid-cols-[auto_1fr] items-center gap-x-3 gap-y-2 text-xs">
        <label htmlFor="sample-confidence" className="text-slate-600">
          Confidence
        </label>
        <select id="sample-confidence" className={field} value={confidence} onChange={(e) => setConfidence(Number(e.target.value))}>
          {CONFIDENCES.map((c) => (
            <option key={c} value={c}>
              {c * 100}%
            </option>
          ))}
        </select>
        <label htmlFor="sample-margin" className="text-slate-600">
          Margin of error (±%)
        </label>
        <input id="sample-margin" data-testid="sample-margin" className={field} inputMode="decimal" value={marginPct} onChange={(e) => setMarginPct(e.target.value)} />
        <label htmlFor="sample-bar" className="text-slate-600">
          Bar: good share at least (%)
        </label>
        <input id="sample-bar" data-testid="sample-bar" className={field} inputMode="decimal" value={barPct} onChange={(e) => setBarPct(e.target.value)} />
      </div>
      <p className="text-xs text-slate-600" data-testid="draw-sample-summary">
        {population === undefined
          ? 'Counting pending items…'
          : population === 0
            ? 'No pending items match this filter.'
            : `${size?.toLocaleString('en-US') ?? '—'} of ${plural(population, 'pending item')} will be sampled.`}
      </p>
      {!valid && <p className="text-xs text-rose-700">Margin must be between 0.5% and 50%, and the bar between 0% and 100%.</p>}
      {draw.error && (
        <p className="text-xs text-rose-700" role="alert">
          {draw.error.message}
        </p>
      )}
    </Modal>
  );
}
