/**
 * Word error rate as the trainers compute it for OCR answers: words are
 * Python `str.split()` tokens (case- and punctuation-sensitive), and the edit
 * distance is divided by the reference word count.
 */
import { pySplit } from './extract';

/** Word-level Levenshtein distance (substitution, insertion, deletion all cost 1). */
export function wordEditDistance(referenceWords: readonly string[], hypothesisWords: readonly string[]): number {
  const n = hypothesisWords.length;
  // Two rolling rows: the full table is not needed for the distance alone.
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let curr = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= referenceWords.length; i++) {
    curr[0] = i;
    const ref = referenceWords[i - 1];
    for (let j = 1; j <= n; j++) {
      if (ref === hypothesisWords[j - 1]) {
        curr[j] = prev[j - 1]!;
      } else {
        curr[j] = 1 + Math.min(prev[j]!, curr[j - 1]!, prev[j - 1]!);
      }
    }
    [prev, curr] = [curr, prev];
  }
  return prev[n]!;
}

/**
 * Edit distance / reference word count. The count is floored at 1, as in the
 * trainers, so an empty reference gives the hypothesis's word count (0 when
 * both are empty) instead of dividing by zero. Not clipped: it can exceed 1.
 */
export function wordErrorRate(reference: string, hypothesis: string): number {
  const ref = pySplit(reference);
  const hyp = pySplit(hypothesis);
  return wordEditDistance(ref, hyp) / Math.max(1, ref.length);
}
