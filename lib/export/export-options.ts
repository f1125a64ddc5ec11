import { z } from 'zod';
import { itemFilterSchema } from '../items/filter';
import { TRAINERS } from './trainer-presets';

export const EXPORT_FORMATS = ['sft', 'rl', 'sharegpt', 'prm'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const FILE_FORMATS = ['jsonl', 'json', 'parquet'] as const;
export type ExportFileFormat = (typeof FILE_FORMATS)[number];

/** The part of the items filter an export understands: dataset, review status, types, sources. */
export const exportFilterSchema = itemFilterSchema
  .pick({ dataset: true, status: true, type: true, source: true, passRateMin: true, passRateMax: true })
  // Exports are of reviewed work: accepted items unless the user asks for others.
  .transform((f) => ({ ...f, status: f.status?.length ? f.status : (['accepted'] as const) }));

export type ExportFilter = z.output<typeof exportFilterSchema>;

export const exportOptionsSchema = z.object({
  filter: exportFilterSchema,
  format: z.enum(EXPORT_FORMATS),
  fileFormat: z.enum(FILE_FORMATS).default('jsonl'),
  /** true: options inside `problem` (VideoRFT); false: outside (Video-R1); absent: as imported. */
  foldOptions: z.boolean().optional(),
  /** Keep accepted CoTs whose answer check fails (left out by default; counted in the manifest either way). */
  includeMismatched: z.boolean().default(false),
  /** A trainer preset: option folding and prompt shape as that trainer reads them (lib/export/trainer-presets.ts). */
  trainer: z.enum(TRAINERS).optional(),
  /** prm: only CoTs with a labelled step (default), or every shown CoT with null labels. */
  stepReviewedOnly: z.boolean().optional(),
  /** RL pool: items flagged as overlapping an evaluation set are left out unless this is set. */
  includeContaminated: z.boolean().optional(),
  /** Add each item's rollout pass rate as `pass_rate`. */
  passRate: z.boolean().optional(),
  /** Add a `lineage` object (models, prompt versions, scores, reviewer, decision time, frame plan hash). */
  lineage: z.boolean().optional(),
});

export type ExportOptions = z.output<typeof exportOptionsSchema>;
export type ExportOptionsInput = z.input<typeof exportOptionsSchema>;
