/**
 * ROUGE-1, ROUGE-2 and ROUGE-L (F1) as computed by Google's `rouge_score`
 * package, which the trainers call as
 * `RougeScorer(['rouge1', 'rouge2', 'rougeL'], use_stemmer=True).score(reference, prediction)`.
 * Reimplemented rather than approximated so free-form scores match the
 * reward the trainer would give, token for token.
 */
import { porterStem } from './porter-stemmer';

const VALID_TOKEN = /^[a-z0-9]+$/;

export interface RougeScore {
  precision: number;
  recall: number;
  fmeasure: number;
}

export interface RougeScores {
  rouge1: RougeScore;
  rouge2: RougeScore;
  rougeL: RougeScore;
}

export interface RougeOptions {
  /** Porter-stem tokens longer than 3 characters. Defaults to true, as the trainers use it. */
  useStemmer?: boolean;
}

/**
 * rouge_score's default tokenizer: lowercase, every run of characters outside
 * [a-z0-9] becomes a space (so non-Latin text yields no tokens at all), split
 * on whitespace, stem tokens longer than 3 characters, drop empty tokens.
 */
export function rougeTokenize(text: string, options: RougeOptions = {}): string[] {
  const useStemmer = options.useStemmer ?? true;
  const tokens = text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').split(/\s+/);
  const stemmed = useStemmer ? tokens.map((t) => (t.length > 3 ? porterStem(t) : t)) : tokens;
  // Filtered after stemming, as rouge_score does, so a stem can never add an empty token.
  return stemmed.filter((t) => VALID_TOKEN.test(t));
}

/** F1 with rouge_score's guard: 0 when precision + recall is 0. */
function fmeasure(precision: number, recall: number): number {
  // Same operation order as rouge_score so results agree to the last bit.
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    // Tokens never contain spaces, so joining with one is an unambiguous key.
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function sumValues(counts: Map<string, number>): number {
  let total = 0;
  for (const v of counts.values()) total += v;
  return total;
}

/** ROUGE-N on token lists: clipped n-gram overlap. */
export function rougeN(referenceTokens: readonly string[], predictionTokens: readonly string[], n: number): RougeScore {
  const ref = ngramCounts(referenceTokens, n);
  const pred = ngramCounts(predictionTokens, n);
  let overlap = 0;
  for (const [gram, count] of ref) overlap += Math.min(count, pred.get(gram) ?? 0);
  // max(…, 1) as in rouge_score: empty sides give 0, not NaN.
  const precision = overlap / Math.max(sumValues(pred), 1);
  const recall = overlap / Math.max(sumValues(ref), 1);
  return { precision, recall, fmeasure: fmeasure(precision, recall) };
}

function lcsLength(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  let curr = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      curr[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, curr[j - 1]!);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[b.length]!;
}

/** ROUGE-L on token lists: longest common subsequence, sentence level (not rougeLsum). */
export function rougeL(referenceTokens: readonly string[], predictionTokens: readonly string[]): RougeScore {
  if (referenceTokens.length === 0 || predictionTokens.length === 0) {
    return { precision: 0, recall: 0, fmeasure: 0 };
  }
  const lcs = lcsLength(referenceTokens, predictionTokens);
  const precision = lcs / predictionTokens.length;
  const recall = lcs / referenceTokens.length;
  return { precision, recall, fmeasure: fmeasure(precision, recall) };
}

/** ROUGE-1, ROUGE-2 and ROUGE-L of `prediction` against `reference`. */
export function rougeScores(reference: string, prediction: string, options: RougeOptions = {}): RougeScores {
  const ref = rougeTokenize(reference, options);
  const pred = rougeTokenize(prediction, options);
  return { rouge1: rougeN(ref, pred, 1), rouge2: rougeN(ref, pred, 2), rougeL: rougeL(ref, pred) };
}

/** The free-form reward before clipping: mean of the three F1 values. */
export function rougeMeanF1(reference: string, prediction: string, options: RougeOptions = {}): number {
  const s = rougeScores(reference, prediction, options);
  return (s.rouge1.fmeasure + s.rouge2.fmeasure + s.rougeL.fmeasure) / 3;
}
