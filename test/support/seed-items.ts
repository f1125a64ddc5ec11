import type { PrismaClient } from '@/generated/prisma/client';
import { uniq } from './db';

export type SeededItem = { id: number; draftId: number | null; revisionId: number | null };

/**
 * A dataset of `n` pending items for batch-review tests. `cots(k)` says which CoTs item k has
 * (default: a draft and a revision). Created set-based so hundreds of items take milliseconds.
 */
export async function seedReviewDataset(
  db: PrismaClient,
  n: number,
  opts: { label?: string; cots?: (k: number) => 'both' | 'draft' | 'none'; problem?: (k: number) => string } = {},
): Promise<{ datasetId: number; items: SeededItem[] }> {
  const ds = await db.dataset.create({ data: { name: uniq(opts.label ?? 'batch'), mediaRoot: '/tmp' } });
  await db.item.createMany({
    data: Array.from({ length: n }, (_, k) => ({
      datasetId: ds.id,
      problemId: `p${k}`,
      problem: opts.problem?.(k) ?? `Question ${k}`,
      problemType: 'multiple_choice' as const,
      dataType: 'video' as const,
      path: './v.mp4',
      solution: '<answer>A</answer>',
    })),
  });
  const rows = await db.item.findMany({ where: { datasetId: ds.id }, orderBy: { id: 'asc' }, select: { id: true } });
  const kinds = rows.map((_, k) => opts.cots?.(k) ?? 'both');
  await db.cotVersion.createMany({
    data: rows.flatMap((r, k) => [
      ...(kinds[k] !== 'none' ? [{ itemId: r.id, kind: 'draft' as const, text: `<think>draft ${k}</think><answer>A</answer>` }] : []),
      ...(kinds[k] === 'both' ? [{ itemId: r.id, kind: 'revision' as const, text: `<think>revision ${k}</think>` }] : []),
    ]),
  });
  await db.$executeRaw`
    UPDATE item i SET current_draft_id = d.id, current_revision_id = r.id, draft_score = 1, draft_correct = true,
           revision_score = CASE WHEN r.id IS NULL THEN NULL ELSE 1 END, revision_correct = CASE WHEN r.id IS NULL THEN NULL ELSE true END,
           cot_length = length(COALESCE(r.text, d.text))
      FROM cot_version d LEFT JOIN cot_version r ON r.item_id = d.item_id AND r.kind = 'revision'
     WHERE d.item_id = i.id AND d.kind = 'draft' AND i.dataset_id = ${ds.id}`;
  const versions = await db.cotVersion.findMany({ where: { item: { datasetId: ds.id } }, select: { id: true, itemId: true, kind: true } });
  const items: SeededItem[] = rows.map((r) => ({
    id: r.id,
    draftId: versions.find((v) => v.itemId === r.id && v.kind === 'draft')?.id ?? null,
    revisionId: versions.find((v) => v.itemId === r.id && v.kind === 'revision')?.id ?? null,
  }));
  return { datasetId: ds.id, items };
}

export async function seedUser(db: PrismaClient, label = 'user'): Promise<string> {
  const id = uniq(label);
  await db.user.create({ data: { id, name: label, email: `${id}@test.local` } });
  return id;
}
