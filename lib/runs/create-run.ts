import { z } from 'zod';
import { Prisma, type PrismaClient } from '@/generated/prisma/client';
import type { Stage } from '@/generated/prisma/enums';
import { sql, type RawBuilder } from 'kysely';
import { kdb } from '@/lib/db/kysely';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-event';
import { itemFilterSchema, itemFilterToSearchParams, parseItemFilter, type ItemFilter } from '../items/filter';
import { matchingItemsSql } from '../items/filter-sql';
import { applyOverrides, modelOverridesSchema, publicModelConfig, type ModelOverrides } from '../models/model-config';
import { loadPrompt, PROMPT_STAGES, type PromptStage } from '../pipeline/prompts/load-prompt';
import type { PipelineSettings } from '../pipeline/settings';
import { STAGES, stageDefinition } from '../pipeline/stages/registry';
import { enqueueStageJobs } from './stage-jobs';
import { dbId } from '../http/route-id';
import { assertBatchStage, enqueueBatchTick, RUN_MODES } from './batch-runs';

export { STAGES };

export const createRunInputSchema = z.object({
  stage: z.enum(STAGES),
  /** Dataset id or name. */
  dataset: z.union([dbId, z.string().trim().min(1)]),
  /** The items table's filter, in its URL form ("hasDraft=false&type=numerical") or as an object. */
  filter: z.union([z.string().max(4000), z.record(z.string(), z.union([z.string(), z.array(z.string()), z.number(), z.boolean()]))]).optional(),
  /** Redo items already done with the same model and prompt version. */
  force: z.boolean().default(false),
  promptVersion: z.string().regex(/^v\d+$/, 'a prompt version looks like v1').optional(),
  overrides: modelOverridesSchema.optional(),
  /** live: one request at a time now; batch: OpenAI Batch API files (half price, within 24 h). */
  mode: z.enum(RUN_MODES).default('live'),
});
export type CreateRunInput = z.input<typeof createRunInputSchema>;

const CHUNK = 5_000;
const SKIPPED_SAME = JSON.stringify({ reason: 'Already done with this model and prompt version (use force to redo)' });

function toFilter(datasetId: number, raw: CreateRunInput['filter']): ItemFilter {
  const params = new URLSearchParams(typeof raw === 'string' ? raw.replace(/^\?/, '') : undefined);
  if (raw && typeof raw === 'object') for (const [k, v] of Object.entries(raw)) params.set(k, Array.isArray(v) ? v.join(',') : String(v));
  params.set('dataset', String(datasetId));
  const r = itemFilterSchema.safeParse(Object.fromEntries([...params.keys()].filter((k) => k in itemFilterSchema.shape).map((k) => [k, params.get(k)])));
  if (!r.success) {
    const why = r.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; ');
    throw new AppError('BAD_REQUEST', `Invalid filter — ${why}`);
  }
  return parseItemFilter(params);
}

/** The filter as stored on the run: its canonical URL form, as an object. */
function storedFilter(f: ItemFilter): Record<string, string> {
  return Object.fromEntries(itemFilterToSearchParams(f).entries());
}

/** The filter's items in id order, CHUNK at a time (run selection: single-stage and pipeline runs). */
export async function* itemChunks(tx: Prisma.TransactionClient, filter: ItemFilter): AsyncGenerator<{ id: number; videoId: number | null }[]> {
  let after = 0;
  for (;;) {
    const rows = await tx.$queryRaw<{ id: number; videoId: number | null }[]>`
      SELECT m.id, m.video_id AS "videoId"
        FROM (${matchingItemsSql(filter, Prisma.sql`i.id, i.video_id`, Prisma.sql`i.id > ${after}`)}) m
       ORDER BY m.id LIMIT ${CHUNK}`;
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
    if (rows.length < CHUNK) return;
  }
}

type Inserted = { id: number; status: 'pending' | 'skipped' };

export type SubjectBatch = { stage: Stage; ids: number[]; force: boolean; model: string | null; promptId: string | null; unconfigured: string | null };

/**
 * Per subject (item, or video for represent) of one batch: `subject_id` and `status` —
 * skipped when there is nothing to do (done with the same model and prompt already, by the
 * stage's own rule) or no endpoint at all, else pending. Shared by run creation and its plan,
 * so a plan's counts are the run's.
 */
export function subjectStatusSql(o: SubjectBatch): RawBuilder<{ subject_id: number; status: 'pending' | 'skipped' }> {
  const def = stageDefinition(o.stage);
  const skipWhen = o.unconfigured !== null ? sql`true` : def.alreadyDone ? sql`NOT p.force AND (${def.alreadyDone})` : sql`false`;
  const subject = def.subject === 'video' ? { source: sql`video v`, id: sql.ref('v.id') } : { source: sql`item i`, id: sql.ref('i.id') };
  return sql`
    SELECT ${subject.id} AS subject_id, s.status
      FROM unnest(${o.ids}::int[]) AS u(id) JOIN ${subject.source} ON ${subject.id} = u.id
      CROSS JOIN (SELECT ${o.force}::boolean AS force, ${o.model}::text AS model, ${o.promptId}::text AS prompt) p
      CROSS JOIN LATERAL (SELECT CASE WHEN ${skipWhen} THEN 'skipped' ELSE 'pending' END AS status) s`;
}

async function insertResults(tx: Prisma.TransactionClient, o: SubjectBatch & { runId: number }): Promise<Inserted[]> {
  if (o.ids.length === 0) return [];
  const skippedData = o.unconfigured ? JSON.stringify({ reason: o.unconfigured }) : SKIPPED_SAME;
  const column = sql.ref(stageDefinition(o.stage).subject === 'video' ? 'video_id' : 'item_id');
  const { rows } = await sql<Inserted>`
    INSERT INTO stage_result (run_id, stage, ${column}, status, data, finished_at)
    SELECT ${o.runId}::int, ${o.stage}::"Stage", x.subject_id, x.status::"ResultStatus",
           CASE WHEN x.status = 'skipped' THEN ${skippedData}::jsonb END, CASE WHEN x.status = 'skipped' THEN now() END
      FROM (${subjectStatusSql(o)}) x
    RETURNING id, status::text AS status`.execute(kdb(tx));
  return rows;
}

/** The subjects a run over `filter` covers, in batches: item ids, or their distinct video ids. */
export async function* subjectBatches(db: Prisma.TransactionClient, stage: Stage, filter: ItemFilter): AsyncGenerator<number[]> {
  if (stageDefinition(stage).subject === 'video') {
    const videoIds = new Set<number>();
    for await (const rows of itemChunks(db, filter)) for (const r of rows) if (r.videoId !== null) videoIds.add(r.videoId);
    const ids = [...videoIds].sort((a, b) => a - b);
    for (let i = 0; i < ids.length; i += CHUNK) yield ids.slice(i, i + CHUNK);
  } else {
    for await (const rows of itemChunks(db, filter)) yield rows.map((r) => r.id);
  }
}

/** What a run would be, resolved from its input: dataset, filter, model, prompt, and whether
 * its endpoint is missing (an optional stage is then skipped with this note). */
export async function resolveRunInput(db: PrismaClient, settings: PipelineSettings, input: CreateRunInput) {
  const o = createRunInputSchema.parse(input);
  if (o.mode === 'batch') assertBatchStage(o.stage);
  const dataset = typeof o.dataset === 'number' ? await db.dataset.findUnique({ where: { id: o.dataset } }) : await db.dataset.findUnique({ where: { name: o.dataset } });
  if (!dataset) throw new AppError('NOT_FOUND', `Dataset ${JSON.stringify(o.dataset)} not found`);
  const filter = toFilter(dataset.id, o.filter);

  let model: string | null = null;
  let promptVersion: string | null = null;
  let promptId: string | null = null;
  let modelConfig: Prisma.InputJsonValue = {};
  let unconfigured: string | null = null;
  const def = stageDefinition(o.stage);
  if (def.model === null) {
    modelConfig = { rules: settings.check };
  } else {
    const endpoint = settings.endpoints[def.model];
    const envName = `COT_${def.model.toUpperCase()}`;
    if (!endpoint) {
      if (!def.endpointOptional) {
        throw new AppError('BAD_REQUEST', `The ${o.stage} stage has no model endpoint: set ${envName}_BASE_URL and ${envName}_MODEL (or COT_DEFAULT_BASE_URL and COT_DEFAULT_MODEL); see README "Models"`);
      }
      unconfigured = `${o.stage[0]!.toUpperCase()}${o.stage.slice(1)} skipped: no ${def.model === 'consistency' ? 'embedding ' : ''}endpoint is configured (set ${envName}_BASE_URL and ${envName}_MODEL)`;
    } else {
      const chosen = applyOverrides(endpoint, o.overrides as ModelOverrides | undefined);
      model = chosen.model;
      modelConfig = { ...publicModelConfig(chosen), overrides: o.overrides ?? {} } as Prisma.InputJsonValue;
    }
  }
  if ((PROMPT_STAGES as readonly Stage[]).includes(o.stage)) {
    const p = loadPrompt(o.stage as PromptStage, o.promptVersion ?? settings.endpoints[o.stage as PromptStage]?.promptVersion ?? null);
    promptVersion = p.version;
    promptId = p.id;
  }
  return { o, dataset, filter, def, model, promptVersion, promptId, modelConfig, unconfigured };
}

/**
 * Starts a run: one stage over a selection (a dataset and the items table's filter). The run
 * row, one result row per item (or per video, for represent) and one job per pending result are
 * written in one transaction: either the run exists with all its jobs, or nothing does.
 * Items already done with the same model and prompt version are recorded as skipped unless
 * `force` is set.
 */
export async function createRun(db: PrismaClient, settings: PipelineSettings, input: CreateRunInput, opts: { actorId: string | null }) {
  const { o, dataset, filter, model, promptVersion, promptId, modelConfig, unconfigured } = await resolveRunInput(db, settings, input);

  const run = await db.$transaction(
    async (tx) => {
      const run = await tx.pipelineRun.create({
        data: { datasetId: dataset.id, stage: o.stage, filter: storedFilter(filter), modelConfig, promptVersion, force: o.force, mode: o.mode, createdById: opts.actorId, note: unconfigured },
      });
      let total = 0;
      let skipped = 0;
      const pending: { id: number; attempts: number }[] = [];
      const take = (rows: Inserted[]) => {
        total += rows.length;
        for (const r of rows) {
          if (r.status === 'pending') pending.push({ id: r.id, attempts: 0 });
          else skipped++;
        }
      };
      const base = { runId: run.id, stage: o.stage, force: o.force, model, promptId, unconfigured };
      for await (const ids of subjectBatches(tx, o.stage, filter)) take(await insertResults(tx, { ...base, ids }));
      if (o.mode === 'batch') {
        if (pending.length > 0) await enqueueBatchTick(tx, run.id);
      } else await enqueueStageJobs(tx, { stage: o.stage, runId: run.id, results: pending, expireInSeconds: settings.jobExpireSeconds });
      const finished = pending.length === 0;
      const updated = await tx.pipelineRun.update({
        where: { id: run.id },
        data: { total, skipped, ...(finished ? { status: 'completed', startedAt: new Date(), finishedAt: new Date() } : {}) },
      });
      await recordAudit(tx, {
        actorId: opts.actorId,
        action: 'run.start',
        subjectType: 'run',
        subjectId: run.id,
        data: { stage: o.stage, dataset: dataset.name, filter: storedFilter(filter), total, skipped, model, promptVersion: promptId, force: o.force, mode: o.mode },
      });
      return updated;
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
  return run;
}
