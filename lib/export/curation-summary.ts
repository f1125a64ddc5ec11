import type { PrismaClient } from '@/generated/prisma/client';
import { samplingDecisionsForManifest, type SamplingManifestEntry } from '../sampling/manifest';

export type StageSummary = { stage: string; runs: number; done: number; models: string[]; promptVersions: string[] };

/** How a dataset was curated, for its dataset card: the stages run (models, prompt versions) and acceptance samples. */
export type CurationSummary = { stages: StageSummary[]; sampling: SamplingManifestEntry[] };

export async function curationSummary(db: PrismaClient, datasetId: number): Promise<CurationSummary> {
  const stages = await db.$queryRawUnsafe<{ stage: string; runs: number; done: number; models: string[]; prompt_versions: string[] }[]>(
    `SELECT r.stage::text AS stage, count(*)::int AS runs, sum(r.done)::int AS done,
            array_remove(array_agg(DISTINCT COALESCE(r.model_config -> 'overrides' ->> 'model', r.model_config ->> 'model')), NULL) AS models,
            array_remove(array_agg(DISTINCT r.prompt_version), NULL) AS prompt_versions
       FROM pipeline_run r
      WHERE r.dataset_id = $1 AND r.done > 0
      GROUP BY r.stage ORDER BY min(r.created_at)`,
    datasetId,
  );
  return {
    stages: stages.map((s) => ({ stage: s.stage, runs: s.runs, done: s.done, models: s.models, promptVersions: s.prompt_versions })),
    sampling: await samplingDecisionsForManifest(db, { datasetId }),
  };
}
