import type { ImportView } from './list-imports';

/**
 * A past import's per-line report as JSONL: a header line with the outcome, then one line per
 * bad record (where, field, problem), as the import page lists them. Downloadable at any time
 * after the import, since the report lives on the import row.
 */
export function importReportJsonl(imp: ImportView): string {
  const head = {
    import: imp.id,
    dataset: imp.dataset,
    file: imp.fileName,
    mode: imp.mode,
    status: imp.status,
    total: imp.total,
    inserted: imp.inserted,
    updated: imp.updated,
    rejected: imp.rejected,
    error: imp.error,
    truncated: imp.report?.issuesTruncated === true,
    createdAt: imp.createdAt,
    finishedAt: imp.finishedAt,
  };
  return [head, ...imp.errors].map((l) => JSON.stringify(l)).join('\n') + '\n';
}
