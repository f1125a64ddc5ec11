import { z } from 'zod';
import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-event';
import { itemFilterToSearchParams, parseItemFilter } from '../items/filter';
import { CONSENSUS_RULES } from '../consensus/consensus-sql';
import { freezeAssignmentItems } from './freeze-assignment-items';

export const createAssignmentSchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(120),
  // The items-table filter in its URL form, e.g. "dataset=1&status=pending&type=OCR".
  filter: z.string().trim().max(2000),
  requiredReviews: z.number().int().min(1).max(5).default(1),
  // How the N decisions settle an item (lib/consensus/consensus-sql.ts).
  consensusRule: z.enum(CONSENSUS_RULES).default('unanimous'),
  reviewerIds: z.array(z.string().min(1)).min(1, 'pick at least one reviewer').max(100),
});
export type CreateAssignmentInput = z.input<typeof createAssignmentSchema>;

/** Reads and canonicalises a filter string; names the field when it is wrong. */
export function canonicalFilter(filter: string): { datasetId: number; filter: string } {
  let parsed;
  try {
    parsed = parseItemFilter(new URLSearchParams(filter.replace(/^\?/, '')));
  } catch (e) {
    const detail = e instanceof z.ZodError ? e.issues.map((i) => `${i.path.join('.') || 'filter'}: ${i.message}`).join('; ') : String(e);
    throw new AppError('BAD_REQUEST', `The filter is not a valid items filter — ${detail}`);
  }
  return { datasetId: parsed.dataset, filter: itemFilterToSearchParams(parsed).toString() };
}

export async function createAssignment(db: PrismaClient, opts: { actorId: string | null; input: CreateAssignmentInput }): Promise<{ id: number }> {
  const input = createAssignmentSchema.parse(opts.input);
  const { datasetId, filter } = canonicalFilter(input.filter);
  const reviewerIds = [...new Set(input.reviewerIds)];
  if (input.requiredReviews > reviewerIds.length) {
    throw new AppError('BAD_REQUEST', `requiredReviews (${input.requiredReviews}) needs at least that many reviewers; ${reviewerIds.length} chosen`);
  }
  return db.$transaction(async (tx) => {
    if (!(await tx.dataset.findUnique({ where: { id: datasetId }, select: { id: true } }))) throw new AppError('BAD_REQUEST', `filter: dataset ${datasetId} does not exist`);
    const found = await tx.user.findMany({ where: { id: { in: reviewerIds }, disabled: false }, select: { id: true } });
    if (found.length !== reviewerIds.length) {
      const known = new Set(found.map((u) => u.id));
      throw new AppError('BAD_REQUEST', `reviewerIds: unknown or disabled user(s) ${reviewerIds.filter((id) => !known.has(id)).join(', ')}`);
    }
    const row = await tx.assignment.create({
      data: {
        name: input.name,
        datasetId,
        filter,
        requiredReviews: input.requiredReviews,
        consensusRule: input.consensusRule,
        createdById: opts.actorId,
        reviewers: { create: reviewerIds.map((reviewerId) => ({ reviewerId })) },
      },
    });
    await freezeAssignmentItems(tx, row.id);
    await recordAudit(tx, { actorId: opts.actorId, action: 'assignment.create', subjectType: 'assignment', subjectId: row.id, data: { name: row.name, filter, requiredReviews: row.requiredReviews, consensusRule: row.consensusRule, reviewerIds } });
    return { id: row.id };
  });
}
