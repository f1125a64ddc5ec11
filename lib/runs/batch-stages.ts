import type { Stage } from '@/generated/prisma/enums';

// Plain data about run modes, safe to import in the browser (the jobs page's form).

export const RUN_MODES = ['live', 'batch'] as const;
export type RunMode = (typeof RUN_MODES)[number];

/** Stages whose request is one chat completion per item or video: the ones the Batch API mode can send. */
export const BATCH_STAGES: readonly Stage[] = ['represent', 'draft', 'revise', 'evidence'];
