'use client';

import Link from 'next/link';
import { IntervalBar } from '@/components/charts/interval-bar';
import { useSampleStatus } from '@/features/items/api/get-sample-status';
import { Button } from '@/components/ui/button';
import { itemFilterToSearchParams, parseItemFilter } from '@/lib/items/filter';
import { useItemsPage } from '@/features/items/api/get-items-page';
import { describeFilter } from './describe-filter';
import { useCloseSample } from '@/features/items/api/close-sample';
import { plural } from '@/lib/format/plural';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/**
 * Shown above the table when it lists an acceptance sample: progress, the Wilson interval of
 * the good share as decisions come in, and "accept the rest" once the interval clears the bar.
 */
export function SamplePanel({
  datasetId,
  sampleId,
  onAcceptRest,
  busy,
  onLeave,
}: {
  datasetId: number;
  sampleId: number;
  onAcceptRest: () => void;
  busy: boolean;
  /** Back to the filter the sample was drawn from (after closing it, or to look around). */
  onLeave?: (filter: string) => void;
}) {
  const { data: s, error } = useSampleStatus(sampleId);
  const close = useCloseSample();
  // Reviewing walks the sample's pending items; the review page's next/previous follow this filter.
  const pendingQuery = itemFilterToSearchParams({ dataset: datasetId, sample: sampleId, status: ['pending'], sort: 'id', dir: 'asc' }).toString();
  const firstPending = useItemsPage(pendingQuery, null).data?.items[0];
  const firstItemHref = firstPending ? `/items/${firstPending.id}?${pendingQuery}` : null;
  if (error) return <p className="rounded-lg border border-rose-200 bg-rose-50 px-3 py-2 text-xs text-rose-800">{error.message}</p>;
  if (!s) return <div className="h-[92px] animate-pulse rounded-lg border border-slate-200 bg-white" />;
  const decided = s.tally.good + s.tally.bad;
  const done = s.size - s.tally.pending;
  const why = s.state !== 'open'
    ? s.state === 'accepted'
      ? 'The rest of this sample was accepted. Go back to its filter to draw another.'
      : 'This sample is closed. Go back to its filter to draw another.'
    : !s.complete
      ? `${plural(s.tally.pending, 'sampled item')} still to decide.`
      : !s.aboveBar
        ? `The lower bound ${pct(s.interval.low)} is not above the bar ${pct(s.bar)}: review more, or fix the filter.`
        : `The whole interval is above the bar: the remaining ${plural(s.rest, 'pending item')} can be accepted.`;
  return (
    <section className="rounded-lg border border-slate-200 bg-white px-4 py-3" data-testid="sample-panel">
      <div className="flex flex-wrap items-start gap-x-8 gap-y-3">
        <div className="min-w-[220px] space-y-1">
          <h2 className="text-sm font-semibold">
            Acceptance sample #{s.id}{' '}
            <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-[11px] font-medium text-slate-600" data-testid="sample-state">
              {s.state}
            </span>
          </h2>
          <p className="max-w-[360px] truncate text-xs text-slate-500" title={describeFilter(parseItemFilter(new URLSearchParams(s.filter)))}>
            From: {describeFilter(parseItemFilter(new URLSearchParams(s.filter)))}
          </p>
          <p className="text-xs text-slate-500">
            {s.size.toLocaleString('en-US')} of {plural(s.population, 'pending item')}, drawn at random · {Math.round(s.confidence * 100)}% confidence, ±
            {(s.margin * 100).toFixed(1)}%
          </p>
          <div className="flex items-center gap-2 text-xs">
            <div className="h-1.5 w-40 overflow-hidden rounded bg-slate-100">
              <div className="h-full bg-indigo-500" style={{ width: `${(done / Math.max(1, s.size)) * 100}%` }} />
            </div>
            <span className="tabular-nums text-slate-600" data-testid="sample-progress">
              {done} / {s.size} decided
            </span>
          </div>
          <p className="text-xs text-slate-600 tabular-nums">
            <span className="text-emerald-700">{s.tally.good} good</span> · <span className="text-rose-700">{s.tally.bad} bad</span>
            {s.tally.skipped > 0 && <span> · {s.tally.skipped} skipped</span>}
          </p>
        </div>
        <div className="space-y-1">
          <p className="text-xs text-slate-500">
            Good share{' '}
            <span className="text-base font-semibold text-slate-900 tabular-nums" data-testid="sample-estimate">
              {decided ? pct(s.interval.estimate) : '—'}
            </span>{' '}
            <span className="tabular-nums" data-testid="sample-interval">
              {decided ? `(${Math.round(s.confidence * 100)}% Wilson interval ${pct(s.interval.low)} – ${pct(s.interval.high)})` : '(no decisions yet)'}
            </span>{' '}
            · bar {pct(s.bar)}
          </p>
          <IntervalBar low={s.interval.low} high={s.interval.high} estimate={s.interval.estimate} bar={s.bar} hasData={decided > 0} />
        </div>
        <div className="ml-auto flex max-w-[320px] flex-col items-end gap-2 text-right">
          <div className="flex gap-2">
            {firstItemHref && s.tally.pending > 0 && (
              <Link href={firstItemHref} className="inline-flex h-7 items-center rounded border whitespace-nowrap border-slate-300 bg-white px-2.5 text-xs font-medium text-slate-700 hover:bg-slate-50">
                Review sampled items
              </Link>
            )}
            {s.state === 'open' && (s.rest > 0 || s.canAcceptRest) && (
              <Button variant="primary" testId="sample-accept-rest" disabled={!s.canAcceptRest || busy || s.rest === 0} onClick={onAcceptRest}>
                Accept the rest ({s.rest.toLocaleString('en-US')})
              </Button>
            )}
            {s.state === 'open' && (
              <Button
                testId="sample-close"
                disabled={close.isPending}
                title={s.complete ? 'Close this finished sample and go back to its filter' : 'Stop this sample without deciding the rest'}
                onClick={() => {
                  if (!s.complete && !window.confirm(`${plural(s.tally.pending, 'sampled item')} still undecided. Close the sample anyway?`)) return;
                  close.mutate(s.id, { onSuccess: (r) => onLeave?.(r.filter) });
                }}
              >
                Close sample
              </Button>
            )}
            {onLeave && (
              <Button testId="sample-leave" variant="ghost" title="The filter this sample was drawn from" onClick={() => onLeave(s.filter)}>
                Back to its filter
              </Button>
            )}
          </div>
          {close.error && <p className="text-xs text-rose-700">{close.error.message}</p>}
          <p className="text-xs text-slate-500" data-testid="sample-verdict">
            {why}
          </p>
        </div>
      </div>
    </section>
  );
}
