import { z } from 'zod';
import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-event';

// Review guidelines per dataset: markdown written by an admin, shown beside the review page.
// Stored as text; rendered by lib/guidelines/markdown.ts, which never passes HTML through.

import { GUIDELINES_MAX_CHARS } from './guidelines-limits';

export { GUIDELINES_MAX_CHARS };

export const guidelinesInputSchema = z.object({
  markdown: z.string().max(GUIDELINES_MAX_CHARS, `guidelines: at most ${GUIDELINES_MAX_CHARS.toLocaleString('en-US')} characters`),
  // The updatedAt the editor started from (null: none yet), so two admins do not overwrite each other.
  expectedUpdatedAt: z.string().datetime().nullable(),
});

export type Guidelines = { datasetId: number; datasetName: string; markdown: string; updatedAt: string | null; updatedBy: string | null };

export async function getGuidelines(db: PrismaClient, datasetId: number): Promise<Guidelines> {
  const d = await db.dataset.findUnique({ where: { id: datasetId }, select: { id: true, name: true, guidelines: true, guidelinesUpdatedAt: true, guidelinesUpdatedById: true } });
  if (!d) throw new AppError('NOT_FOUND', `Dataset ${datasetId} not found`);
  const by = d.guidelinesUpdatedById ? await db.user.findUnique({ where: { id: d.guidelinesUpdatedById }, select: { name: true } }) : null;
  return { datasetId: d.id, datasetName: d.name, markdown: d.guidelines, updatedAt: d.guidelinesUpdatedAt?.toISOString() ?? null, updatedBy: by?.name ?? null };
}

/** Replaces the guidelines; refused (409) when someone saved since `expectedUpdatedAt`. */
export async function saveGuidelines(db: PrismaClient, opts: { datasetId: number; actorId: string | null; input: z.input<typeof guidelinesInputSchema> }): Promise<Guidelines> {
  const input = guidelinesInputSchema.parse(opts.input);
  const expected = input.expectedUpdatedAt ? new Date(input.expectedUpdatedAt) : null;
  const { count } = await db.dataset.updateMany({
    where: { id: opts.datasetId, guidelinesUpdatedAt: expected },
    data: { guidelines: input.markdown, guidelinesUpdatedAt: new Date(), guidelinesUpdatedById: opts.actorId },
  });
  if (count === 0) {
    const current = await getGuidelines(db, opts.datasetId); // NOT_FOUND when the dataset is gone
    throw new AppError('CONFLICT', `The guidelines were changed${current.updatedBy ? ` by ${current.updatedBy}` : ''} since you opened them; reload to see their version`, { current });
  }
  await recordAudit(db, { actorId: opts.actorId, action: 'dataset.guidelines', subjectType: 'dataset', subjectId: opts.datasetId, data: { chars: input.markdown.length } });
  return getGuidelines(db, opts.datasetId);
}
