import type { Prisma } from '@/generated/prisma/client';
import type { ItemFilter, SortField } from '@/lib/items/filter';
import { OPEN_ENDED_TYPES } from '@/lib/answers/answer-check-rule';
import { answerThreshold } from '@/lib/answers/answer-threshold';
import { toDbProblemType } from '@/lib/items/problem-type';

// A test oracle: the item filter and the table's order written independently of the product's
// one compiler (lib/items/filter-sql.ts, lib/items/keyset.ts), as Prisma where/orderBy
// clauses, so the tests can check the compiled SQL against a second reading of every key.

/** Sort columns that are never null (no "nulls last" range to walk). */
const NOT_NULL = new Set<SortField>(['updatedAt', 'riskScore', 'contradictedSteps']);

/** Order of the items table: the sort column (nulls always last), then id as the tie-breaker. */
export function itemOrderBy(sort: SortField, dir: 'asc' | 'desc'): Prisma.ItemOrderByWithRelationInput[] {
  if (sort === 'id') return [{ id: dir }];
  // Prisma accepts a nulls position only on nullable columns.
  if (NOT_NULL.has(sort)) return [{ [sort]: dir }, { id: dir }];
  return [{ [sort]: { sort: dir, nulls: 'last' } }, { id: dir }];
}

const OPEN = OPEN_ENDED_TYPES.map(toDbProblemType);

type Cols = { score: 'draftScore' | 'revisionScore'; correct: 'draftCorrect' | 'revisionCorrect' };
const DRAFT_COLS: Cols = { score: 'draftScore', correct: 'draftCorrect' };
const REVISION_COLS: Cols = { score: 'revisionScore', correct: 'revisionCorrect' };

function failingWhere(c: Cols, min: number): Prisma.ItemWhereInput {
  const notTrue: Prisma.ItemWhereInput = { OR: [{ [c.correct]: false }, { [c.correct]: null }] };
  return {
    OR: [
      { problemType: { notIn: OPEN }, [c.correct]: false },
      { problemType: { in: OPEN }, [c.score]: null, [c.correct]: false },
      { AND: [{ problemType: { in: OPEN } }, { [c.score]: { lt: min } }, notTrue] },
    ],
  };
}

function answerCorrectWhere(c: Cols, want: boolean, min = answerThreshold.openEndedMinScore): Prisma.ItemWhereInput {
  return want ? { AND: [{ [c.correct]: { not: null } }, { NOT: failingWhere(c, min) }] } : failingWhere(c, min);
}

function range(min: number | undefined, max: number | undefined) {
  if (min === undefined && max === undefined) return undefined;
  return { ...(min !== undefined ? { gte: min } : {}), ...(max !== undefined ? { lte: max } : {}) };
}

/** The filter as a Prisma where clause over `item` (sort and paging are applied separately). */
export function itemFilterWhere(f: ItemFilter): Prisma.ItemWhereInput {
  const and: Prisma.ItemWhereInput[] = [{ datasetId: f.dataset }];
  if (f.status?.length) and.push({ reviewStatus: { in: [...f.status] } });
  if (f.type?.length) and.push({ problemType: { in: f.type.map(toDbProblemType) } });
  if (f.source?.length) and.push({ dataSource: { in: f.source } });
  if (f.hasDraft !== undefined) and.push({ currentDraftId: f.hasDraft ? { not: null } : null });
  if (f.hasRevision !== undefined) and.push({ currentRevisionId: f.hasRevision ? { not: null } : null });
  if (f.hasRepresentation !== undefined)
    and.push(f.hasRepresentation ? { video: { is: { representationAt: { not: null } } } } : { OR: [{ videoId: null }, { video: { is: { representationAt: null } } }] });
  if (f.failed !== undefined) and.push({ lastError: f.failed ? { not: null } : null });
  if (f.stale !== undefined) and.push({ staleReason: f.stale ? { not: null } : null });
  if (f.draftCorrect !== undefined) and.push(answerCorrectWhere(DRAFT_COLS, f.draftCorrect));
  if (f.revisionCorrect !== undefined) and.push(answerCorrectWhere(REVISION_COLS, f.revisionCorrect));
  const score = range(f.scoreMin, f.scoreMax);
  // "answer score" means the best available CoT's: the revision's when there is one, else the draft's.
  if (score) and.push({ OR: [{ revisionScore: score }, { revisionScore: null, draftScore: score }] });
  const consistency = range(f.consistencyMin, f.consistencyMax);
  if (consistency) and.push({ consistencyScore: consistency });
  const length = range(f.lengthMin, f.lengthMax);
  if (length) and.push({ cotLength: length });
  if (f.reviewer) and.push({ reviewedById: f.reviewer });
  if (f.q) {
    // Prisma passes `contains` into LIKE unescaped: a search for "50%" must not match "50 items".
    const literal = f.q.replace(/[\\%_]/g, (c) => `\\${c}`);
    and.push({
      OR: [
        { problem: { contains: literal, mode: 'insensitive' } },
        { problemId: { equals: f.q } },
        { cotVersions: { some: { text: { contains: literal, mode: 'insensitive' } } } },
      ],
    });
  }
  if (f.sample !== undefined) and.push({ samples: { some: { sampleId: f.sample } } });
  if (f.wrongStep !== undefined) and.push({ stepFirstError: f.wrongStep ? { not: null } : null });
  if (f.firstErrorMax !== undefined) and.push({ stepFirstError: { lte: f.firstErrorMax - 1 } });
  if (f.stepReviewed !== undefined) and.push({ stepReviewed: f.stepReviewed });
  if (f.contradicted !== undefined) and.push({ contradictedSteps: f.contradicted ? { gt: 0 } : 0 });
  const passRate = range(f.passRateMin, f.passRateMax);
  if (passRate) and.push({ passRate });
  if (f.difficulty === 'all-pass') and.push({ passRate: 1 });
  if (f.difficulty === 'all-fail') and.push({ passRate: 0 });
  if (f.difficulty === 'mixed') and.push({ passRate: { gt: 0, lt: 1 } });
  if (f.blindAnswerable !== undefined) and.push({ blindAnswerable: f.blindAnswerable });
  if (f.hasDuplicate !== undefined) and.push({ duplicateCluster: f.hasDuplicate ? { not: null } : null });
  if (f.duplicateExtra !== undefined) and.push({ duplicateOf: f.duplicateExtra ? { not: null } : null });
  if (f.contaminated !== undefined) and.push({ contaminated: f.contaminated });
  return { AND: and };
}
