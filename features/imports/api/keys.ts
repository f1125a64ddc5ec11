import type { ImportView as ImportRow } from '@/lib/import/list-imports';
import type { ImportSummary, RecordIssue } from '@/lib/import/import-records';

// One root key: invalidating ['imports'] refreshes the list and every open import.
export const importKeys = {
  all: ['imports'] as const,
  list: () => [...importKeys.all, 'list'] as const,
  one: (id: number) => [...importKeys.all, 'one', id] as const,
};

// The row is lib's ImportView; its report (JSON, `unknown` there) is narrowed to the parts of
// lib's ImportSummary this page shows (older rows may lack newer keys).
export type ImportView = Omit<ImportRow, 'errors' | 'report'> & {
  errors: Array<Pick<RecordIssue, 'at' | 'field' | 'message'>>;
  report: Partial<Pick<ImportSummary, 'records' | 'unchanged' | 'videosCreated' | 'versionsCreated' | 'optionsInProblem' | 'warnings' | 'issuesTruncated' | 'staleDecisions'>> & {
    recordWarnings?: Array<Pick<RecordIssue, 'at' | 'field' | 'message'>>;
  } | null;
};

export const isActive = (status: string) => status === 'queued' || status === 'running';

export { apiErrorOf as apiError } from '@/components/api/api-fetch';
