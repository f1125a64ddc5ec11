import type { ItemFilter } from '@/lib/items/filter';

const yesNo = (v: boolean, yes: string, no: string) => (v ? yes : no);
const range = (label: string, min?: number, max?: number) =>
  min !== undefined && max !== undefined ? `${label} ${min}–${max}` : min !== undefined ? `${label} ≥ ${min}` : max !== undefined ? `${label} ≤ ${max}` : null;

/** The filter in words, for confirmations: "status pending · type OCR · search “car”". */
export function describeFilter(f: ItemFilter): string {
  const parts = [
    f.status?.length ? `status ${f.status.join('/')}` : null,
    f.type?.length ? `type ${f.type.join('/')}` : null,
    f.source?.length ? `source ${f.source.join('/')}` : null,
    f.hasRepresentation !== undefined ? yesNo(f.hasRepresentation, 'with representation', 'without representation') : null,
    f.hasDraft !== undefined ? yesNo(f.hasDraft, 'with draft', 'without draft') : null,
    f.stale !== undefined ? yesNo(f.stale, 'source changed since the decision', 'not stale') : null,
    f.hasRevision !== undefined ? yesNo(f.hasRevision, 'with revision', 'without revision') : null,
    f.failed !== undefined ? yesNo(f.failed, 'failed', 'not failed') : null,
    f.draftCorrect !== undefined ? yesNo(f.draftCorrect, 'draft correct', 'draft wrong') : null,
    f.revisionCorrect !== undefined ? yesNo(f.revisionCorrect, 'revision correct', 'revision wrong') : null,
    range('score', f.scoreMin, f.scoreMax),
    range('consistency', f.consistencyMin, f.consistencyMax),
    range('CoT length', f.lengthMin, f.lengthMax),
    f.reviewer ? `reviewer ${f.reviewer}` : null,
    f.q ? `search “${f.q}”` : null,
    f.sample !== undefined ? `sample #${f.sample}` : null,
    f.stepReviewed !== undefined ? yesNo(f.stepReviewed, 'steps reviewed', 'steps not reviewed') : null,
    f.wrongStep !== undefined ? yesNo(f.wrongStep, 'with a wrong step', 'no wrong step') : null,
    f.firstErrorMax !== undefined ? `first error at step ≤ ${f.firstErrorMax}` : null,
    f.contradicted !== undefined ? yesNo(f.contradicted, 'contradicted claims', 'no contradicted claims') : null,
    range('pass rate', f.passRateMin, f.passRateMax),
    f.difficulty ? `rollouts ${f.difficulty === 'mixed' ? 'between all pass and all fail' : f.difficulty.replace('-', ' ')}` : null,
    f.blindAnswerable !== undefined ? yesNo(f.blindAnswerable, 'answerable without the video', 'needs the video') : null,
    f.hasDuplicate !== undefined ? yesNo(f.hasDuplicate, 'has a near-duplicate', 'no near-duplicate') : null,
    f.duplicateExtra !== undefined ? yesNo(f.duplicateExtra, 'duplicates beyond the one kept per cluster', 'one per cluster') : null,
    f.contaminated !== undefined ? yesNo(f.contaminated, 'overlaps an evaluation set', 'no evaluation-set overlap') : null,
  ].filter((p): p is string => p !== null);
  return parts.length ? parts.join(' · ') : 'no filter (the whole dataset)';
}
