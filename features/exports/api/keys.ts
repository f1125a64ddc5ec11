export const exportKeys = {
  all: ['exports'] as const,
  list: () => [...exportKeys.all, 'list'] as const,
};

export type ExportManifestView = {
  records: number;
  bytes: number;
  sha256: string;
  skipped: { noAcceptedCot: number; noThinkBlock: number; mismatched?: number; stale?: number };
  mismatched?: { excluded: number; included: number; openEndedMinScore: number };
  countsByProblemType: Record<string, number>;
  countsBySource: Record<string, number>;
};

export type ExportView = {
  id: number;
  datasetId: number | null;
  dataset: string;
  format: string;
  fileFormat: string;
  filter: { status?: string[]; type?: string[]; source?: string[] };
  options: { foldOptions?: boolean; includeMismatched?: boolean; trainer?: string };
  status: string;
  total: number;
  written: number;
  fileName: string | null;
  sha256: string | null;
  manifest: ExportManifestView | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
};

export const isActive = (status: string) => status === 'queued' || status === 'running';

export { apiErrorOf as apiError } from '@/components/api/api-fetch';
