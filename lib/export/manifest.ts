import fs from 'node:fs';
import path from 'node:path';
import type { SkipReason } from './build-record';
import type { ExportOptions } from './export-options';
import { STUDIO } from './studio-version';

// The manifest every export writes beside its file (every format, prm included): one shape, one
// start, one atomic write.

export type ExportManifest = {
  studio: { name: string; version: string };
  createdAt: string;
  exportId: number | null;
  dataset: { id: number; name: string };
  format: ExportOptions['format'];
  fileFormat: ExportOptions['fileFormat'];
  file: string;
  bytes: number;
  sha256: string;
  records: number;
  /**
   * Matched by the filter but left out: sft and sharegpt need an accepted CoT with a think block
   * whose answer check passes (`mismatched`, unless includeMismatched); `stale` items' source
   * changed since their decision (any format).
   */
  skipped: Record<SkipReason, number>;
  /** Accepted CoTs failing their answer check: how many were left out and how many kept (includeMismatched). */
  mismatched: { excluded: number; included: number; openEndedMinScore: number };
  countsByProblemType: Record<string, number>;
  countsBySource: Record<string, number>;
  countsByDataType: Record<string, number>;
  filters: { status: string[]; type?: string[]; source?: string[]; passRate?: { min: number | null; max: number | null } };
  options: { foldOptions: boolean | null; includeMismatched: boolean; trainer: string | null; passRate?: boolean; lineage?: boolean; includeContaminated?: boolean };
  /** RL pool: items the filter matched but left out as overlapping an evaluation set. */
  excluded?: { contaminated: number };
  /** For sharegpt: the dataset_info.json entry LLaMA-Factory needs to read the file. */
  llamaFactory?: Record<string, { file_name: string; formatting: string; columns: Record<string, string>; tags: Record<string, string> }>;
};

export function manifestPathFor(file: string): string {
  return `${file}.manifest.json`;
}

/** A manifest before any row: who, what, which filter and options; counts at zero. */
export function startManifest(
  opts: Pick<ExportOptions, 'filter' | 'format' | 'fileFormat'> & { exportId?: number | null },
  outPath: string,
  o: { openEndedMinScore: number; options: ExportManifest['options'] },
): ExportManifest {
  const f = opts.filter;
  return {
    studio: { ...STUDIO },
    createdAt: new Date().toISOString(),
    exportId: opts.exportId ?? null,
    dataset: { id: f.dataset, name: '' },
    format: opts.format,
    fileFormat: opts.fileFormat,
    file: path.basename(outPath),
    bytes: 0,
    sha256: '',
    records: 0,
    skipped: { noAcceptedCot: 0, noThinkBlock: 0, stale: 0, mismatched: 0 },
    mismatched: { excluded: 0, included: 0, openEndedMinScore: o.openEndedMinScore },
    countsByProblemType: {},
    countsBySource: {},
    countsByDataType: {},
    filters: {
      status: [...f.status],
      ...(f.type?.length ? { type: [...f.type] } : {}),
      ...(f.source?.length ? { source: [...f.source] } : {}),
      ...(f.passRateMin !== undefined || f.passRateMax !== undefined ? { passRate: { min: f.passRateMin ?? null, max: f.passRateMax ?? null } } : {}),
    },
    options: o.options,
  };
}

/** Writes the manifest beside the export file (`<file>.manifest.json`), taking its name only when complete. */
export function writeManifest(outPath: string, manifest: ExportManifest): void {
  const manifestPath = manifestPathFor(outPath);
  fs.writeFileSync(`${manifestPath}.partial`, `${JSON.stringify(manifest, null, 2)}\n`);
  fs.renameSync(`${manifestPath}.partial`, manifestPath);
}
