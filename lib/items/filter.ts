import { z } from 'zod';
import { PROBLEM_TYPES } from '../answers/problem-types';
import { dbIdParam } from '../http/route-id';

// The items-table filter: one definition shared by the table, the review page's next/previous,
// bulk actions, samples, assignments, runs ("draft every item with no draft") and exports. It
// lives in the URL, so a view can be shared. filter-sql.ts compiles it to SQL (the only place).

const csv = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? (v === '' ? [] : v.split(',')) : v), z.array(item));
const bool = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());
const num = z.coerce.number().finite();

export const REVIEW_STATUSES = ['pending', 'accepted', 'rejected', 'skipped', 'needs_adjudication'] as const;
export const SORT_FIELDS = ['id', 'updatedAt', 'draftScore', 'revisionScore', 'consistencyScore', 'cotLength', 'riskScore', 'contradictedSteps', 'passRate'] as const;
/** RL pool difficulty from the rollout stage's pass rate: every answer right, none, or some. */
export const DIFFICULTIES = ['all-pass', 'all-fail', 'mixed'] as const;
export type SortField = (typeof SORT_FIELDS)[number];

export const itemFilterSchema = z.object({
  dataset: dbIdParam,
  status: csv(z.enum(REVIEW_STATUSES)).optional(),
  type: csv(z.enum(PROBLEM_TYPES)).optional(),
  source: csv(z.string().min(1)).optional(),
  hasRepresentation: bool.optional(),
  hasDraft: bool.optional(),
  hasRevision: bool.optional(),
  failed: bool.optional(),
  // Back to pending because a re-import changed the record after its decision (item.stale_reason).
  stale: bool.optional(),
  draftCorrect: bool.optional(),
  revisionCorrect: bool.optional(),
  scoreMin: num.min(0).max(1).optional(),
  scoreMax: num.min(0).max(1).optional(),
  consistencyMin: num.min(0).max(1).optional(),
  consistencyMax: num.min(0).max(1).optional(),
  lengthMin: z.coerce.number().int().min(0).optional(),
  lengthMax: z.coerce.number().int().min(0).optional(),
  reviewer: z.string().min(1).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  // Only the items of one acceptance sample (lib/sampling), so reviewing a sample is a table view.
  sample: dbIdParam.optional(),
  // Step-level review (lib/steps): a step marked wrong, the first error at step ≤ N (1-based),
  // any step reviewed, a claim the evidence stage found contradicted.
  wrongStep: bool.optional(),
  firstErrorMax: z.coerce.number().int().min(1).optional(),
  stepReviewed: bool.optional(),
  contradicted: bool.optional(),
  // RL pool curation (lib/rlpool, lib/dedup): pass rate, shortcuts, near-duplicates, contamination.
  passRateMin: num.min(0).max(1).optional(),
  passRateMax: num.min(0).max(1).optional(),
  difficulty: z.enum(DIFFICULTIES).optional(),
  blindAnswerable: bool.optional(),
  hasDuplicate: bool.optional(),
  // true: the items a "keep one per cluster" drops (every member but the one kept).
  duplicateExtra: bool.optional(),
  contaminated: bool.optional(),
  sort: z.enum(SORT_FIELDS).default('id'),
  dir: z.enum(['asc', 'desc']).default('asc'),
});

export type ItemFilter = z.infer<typeof itemFilterSchema>;

const FILTER_KEYS = Object.keys(itemFilterSchema.shape) as (keyof ItemFilter)[];

/** Reads a filter from URL search params (unknown keys are ignored, so pages can add their own). */
export function parseItemFilter(params: URLSearchParams | Record<string, string | string[] | undefined>): ItemFilter {
  const entries: Record<string, string> = {};
  const get = (k: string) => (params instanceof URLSearchParams ? params.get(k) : (params[k] as string | string[] | undefined));
  for (const k of FILTER_KEYS) {
    const v = get(k);
    if (v === null || v === undefined) continue;
    entries[k] = Array.isArray(v) ? v.join(',') : v;
  }
  return itemFilterSchema.parse(entries);
}

/** The canonical URL form of a filter (defaults omitted, so equal filters give equal strings). */
export function itemFilterToSearchParams(f: ItemFilter): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = f[k];
    if (v === undefined) continue;
    if (k === 'sort' && v === 'id') continue;
    if (k === 'dir' && v === 'asc') continue;
    if (Array.isArray(v)) {
      if (v.length > 0) p.set(k, v.join(','));
    } else p.set(k, String(v));
  }
  return p;
}
