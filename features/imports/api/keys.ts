// One root key: invalidating ['imports'] refreshes the list and every open import.
export const importKeys = {
  all: ['imports'] as const,
  list: () => [...importKeys.all, 'list'] as const,
  one: (id: number) => [...importKeys.all, 'one', id] as const,
};

export type ImportView = {
  id: number;
  datasetId: number | null;
  dataset: string;
  fileName: string;
  mode: string;
  status: string;
  bytesTotal: number;
  bytesRead: number;
  processed: number;
  total: number;
  inserted: number;
  updated: number;
  rejected: number;
  error: string | null;
  errors: Array<{ at: string; field: string | null; message: string }>;
  report: { records?: number; unchanged?: number; videosCreated?: number; versionsCreated?: number; optionsInProblem?: number; warnings?: string[]; issuesTruncated?: boolean;
    recordWarnings?: Array<{ at: string; field: string | null; message: string }>; staleDecisions?: number } | null;
  createdAt: string;
  finishedAt: string | null;
};

export const isActive = (status: string) => status === 'queued' || status === 'running';

export { apiErrorOf as apiError } from '@/components/api/api-fetch';
