'use client';

import { itemFilterToSearchParams } from '@/lib/items/filter';
import { useSampleStatus } from '@/features/items/api/get-sample-status';
import { Button } from '@/components/ui/button';

/**
 * What the table says when a sample's list is empty (typically "pending items of sample #4"
 * once all are decided): where to go next instead of a dead end.
 */
export function SampleDecidedNote({ datasetId, sampleId, onLeave }: { datasetId: number; sampleId: number; onLeave: (filter: string) => void }) {
  const { data: s } = useSampleStatus(sampleId);
  const whole = itemFilterToSearchParams({ dataset: datasetId, sample: sampleId, sort: 'id', dir: 'asc' }).toString();
  return (
    <span className="inline-flex flex-col items-center gap-2" data-testid="sample-decided">
      <span>{s && s.tally.pending === 0 ? `Every item of sample #${sampleId} is decided.` : `No items of sample #${sampleId} match this filter.`}</span>
      <span className="flex gap-2">
        <Button testId="sample-decided-all" onClick={() => onLeave(whole)}>
          Show the whole sample
        </Button>
        {s && (
          <Button testId="sample-decided-origin" onClick={() => onLeave(s.filter)}>
            Back to the filter it was drawn from
          </Button>
        )}
      </span>
    </span>
  );
}
