import { sql } from 'kysely';
import type { PrismaClient } from '@/generated/prisma/client';
import { kdb } from '@/lib/db/kysely';
import { samplingDecisionsForManifest, type SamplingManifestEntry } from '../sampling/manifest';

export type StageSummary = { stage: string; runs: number; done: number; models: string[]; promptVersions: string[] };

/** How a dataset was curated, for its dataset card: the stages run (models, prompt versions) and acceptance samples. */
export type CurationSummary = { stages: StageSummary[]; sampling: SamplingManifestEntry[] };

export async function curationSummary(db: PrismaClient, datasetId: number): Promise<CurationSummary> {
  const stages = await kdb(db)
    .selectFrom('pipeline_run as r')
    .select([
      sql<string>`r.stage::text`.as('stage'),
      sql<number>`count(*)::int`.as('runs'),
      sql<number>`sum(r.done)::int`.as('done'),
      sql<string[]>`array_remove(array_agg(DISTINCT COALESCE(r.model_config -> 'overrides' ->> 'model', r.model_config ->> 'model')), NULL)`.as('models'),
      sql<string[]>`array_remove(array_agg(DISTINCT r.prompt_version), NULL)`.as('prompt_versions'),
    ])
    .where('r.dataset_id', '=', datasetId)
    .where('r.done', '>', 0)
    .groupBy('r.stage')
    .orderBy(sql`min(r.created_at)`)
    .execute();
  return {
    stages: stages.map((s) => ({ stage: s.stage, runs: s.runs, done: s.done, models: s.models, promptVersions: s.prompt_versions })),
    sampling: await samplingDecisionsForManifest(db, { datasetId }),
  };
}
