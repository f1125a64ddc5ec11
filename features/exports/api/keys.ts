import type { ExportView as ExportRow } from '@/lib/export/list-exports';
import type { ExportManifest } from '@/lib/export/manifest';

export const exportKeys = {
  all: ['exports'] as const,
  list: () => [...exportKeys.all, 'list'] as const,
};

// The row is lib's ExportView; its JSON columns (typed `unknown` there) are narrowed to the
// parts of lib's manifest and options this page shows (older rows may lack newer keys).
export type ExportManifestView = Pick<ExportManifest, 'records' | 'bytes' | 'sha256' | 'countsByProblemType' | 'countsBySource'> & {
  skipped: Pick<ExportManifest['skipped'], 'noAcceptedCot' | 'noThinkBlock'> & Partial<ExportManifest['skipped']>;
  mismatched?: ExportManifest['mismatched'];
};

export type ExportView = Omit<ExportRow, 'filter' | 'options' | 'manifest'> & {
  filter: Partial<Pick<ExportManifest['filters'], 'status' | 'type' | 'source'>>;
  options: { foldOptions?: boolean; includeMismatched?: boolean; trainer?: string };
  manifest: ExportManifestView | null;
};

export const isActive = (status: string) => status === 'queued' || status === 'running';

export { apiErrorOf as apiError } from '@/components/api/api-fetch';
