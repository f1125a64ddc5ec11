import { ProblemType as DbProblemType } from '@/generated/prisma/enums';

// The database enum uses identifiers; records and trainers use these exact strings.
const TO_DOMAIN = {
  multiple_choice: 'multiple choice',
  numerical: 'numerical',
  OCR: 'OCR',
  free_form: 'free-form',
  regression: 'regression',
} as const satisfies Record<DbProblemType, string>;

export type DomainProblemType = (typeof TO_DOMAIN)[DbProblemType];

const TO_DB = Object.fromEntries(Object.entries(TO_DOMAIN).map(([k, v]) => [v, k])) as Record<DomainProblemType, DbProblemType>;

export function toDomainProblemType(t: DbProblemType): DomainProblemType {
  return TO_DOMAIN[t];
}

export function toDbProblemType(t: DomainProblemType): DbProblemType {
  return TO_DB[t];
}
