import type { PrismaClient } from '@/generated/prisma/client';
import { buildDemo } from './records';
import { scoreCotText } from '../lib/cot/score-version';
import { toDbProblemType } from '../lib/items/problem-type';
import { extractAnswer } from '../lib/answers/extract';
import { probeVideos } from '../lib/media/probe-videos';
import { ensureDemoReviewer, DEMO_REVIEWER } from '../lib/auth/users/ensure-demo-reviewer';
import { ensureDatasetSteps } from '../lib/steps/ensure-steps';

export const DEMO_DATASET = 'demo';

/**
 * The demo dataset: synthetic videos rendered locally, questions of all five types, and a
 * draft and a revision per item. Idempotent: missing media is re-rendered, rows are created
 * once (in one transaction, so a failed seed leaves nothing half-written).
 */
export async function seedDemo(db: PrismaClient, opts: { mediaDir: string; onProgress?: (msg: string) => void }): Promise<{ created: boolean; items: number }> {
  const say = opts.onProgress ?? (() => {});
  if (await ensureDemoReviewer(db)) say(`demo reviewer created: ${DEMO_REVIEWER.email} / ${DEMO_REVIEWER.password} (demo only)`);
  const demo = await buildDemo({ mediaDir: opts.mediaDir, onProgress: say });
  const existing = await db.dataset.findUnique({ where: { name: DEMO_DATASET }, include: { _count: { select: { items: true } } } });
  if (existing && existing._count.items > 0) {
    say(`demo dataset already present (${existing._count.items} items)`);
    return { created: false, items: existing._count.items };
  }

  const datasetId = await db.$transaction(
    async (tx) => {
      const dataset =
        existing ??
        (await tx.dataset.create({
          data: { name: DEMO_DATASET, description: 'Synthetic scenes with answers known by construction', mediaRoot: opts.mediaDir },
        }));
      const videoIds = new Map<string, number>();
      for (const it of demo.items) {
        const r = it.record;
        if (!videoIds.has(r.path)) {
          const v = await tx.video.create({
            data: {
              datasetId: dataset.id,
              path: r.path,
              dataType: r.data_type,
              representation: it.representation ?? undefined,
              representationModel: it.representation ? 'demo-mllm' : null,
              representationPromptVersion: it.representation ? 'demo-v1' : null,
              representationAt: it.representation ? new Date() : null,
            },
          });
          videoIds.set(r.path, v.id);
        }
        const problemType = toDbProblemType(r.problem_type);
        const item = await tx.item.create({
          data: {
            datasetId: dataset.id,
            videoId: videoIds.get(r.path),
            problemId: String(r.problem_id),
            problemIdIsNumber: typeof r.problem_id === 'number',
            problem: r.problem,
            options: r.options,
            problemType,
            dataType: r.data_type,
            path: r.path,
            dataSource: r.data_source,
            solution: r.solution,
            groundTruth: extractAnswer(r.solution, { missingTag: 'whole-text' }),
            fieldOrder: Object.keys(r),
            sourceIndex: demo.items.indexOf(it),
          },
        });
        const versions = [];
        for (const [kind, v] of [['draft', it.draft], ['revision', it.revision]] as const) {
          const scored = scoreCotText({ text: v.text, problemType: r.problem_type, solution: r.solution });
          versions.push(
            await tx.cotVersion.create({
              data: { itemId: item.id, kind, text: v.text, model: v.model, promptVersion: v.promptVersion, ...scored },
            }),
          );
        }
        const [draft, revision] = versions;
        await tx.item.update({
          where: { id: item.id },
          data: {
            currentDraftId: draft?.id,
            currentRevisionId: revision?.id,
            draftScore: draft?.answerScore,
            draftCorrect: draft?.answerCorrect,
            revisionScore: revision?.answerScore,
            revisionCorrect: revision?.answerCorrect,
            cotLength: revision?.text.length,
          },
        });
      }
      return dataset.id;
    },
    { timeout: 60_000 },
  );
  await ensureDatasetSteps(db, datasetId);
  const probe = await probeVideos(db, { datasetId });
  say(`demo dataset created: ${demo.items.length} items, ${probe.probed} media files probed${probe.failed ? `, ${probe.failed} failed` : ''}`);
  return { created: true, items: demo.items.length };
}
