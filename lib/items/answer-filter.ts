import type { Prisma } from '@/generated/prisma/client';
import { OPEN_ENDED_TYPES } from '../answers/answer-check-rule';
import { answerThreshold } from '../answers/answer-threshold';
import { toDbProblemType } from './problem-type';

// The items table's "draft / revision answer correct" filters follow the answer-check rule
// (lib/answers/answer-check-rule.ts): `true` = checked and not failing (so a free-form answer
// kept at/above COT_CHECK_OPEN_ENDED_MIN_SCORE counts as correct), `false` = failing. Prisma
// form here; the SQL form is answerCorrectSql in filter-sql.ts (compared by items-filter.test.ts).

const OPEN = OPEN_ENDED_TYPES.map(toDbProblemType);

type Cols = { score: 'draftScore' | 'revisionScore'; correct: 'draftCorrect' | 'revisionCorrect' };
export const DRAFT_COLS: Cols = { score: 'draftScore', correct: 'draftCorrect' };
export const REVISION_COLS: Cols = { score: 'revisionScore', correct: 'revisionCorrect' };

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

export function answerCorrectWhere(c: Cols, want: boolean, min = answerThreshold.openEndedMinScore): Prisma.ItemWhereInput {
  return want ? { AND: [{ [c.correct]: { not: null } }, { NOT: failingWhere(c, min) }] } : failingWhere(c, min);
}
