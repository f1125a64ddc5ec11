import type { PrismaClient } from '@/generated/prisma/client';
import { AppError } from '../errors';
import { toDomainProblemType } from '../items/problem-type';
import { mediaSource } from '../media/media-url';
import { parseRepresentation } from './representation';
import { DECISION_SELECT, VERSION_SELECT, toReviewDecision, toReviewVersion, type ReviewItem } from './review-item';

/** Everything the review page shows for one item, in two round trips. */
export async function getReviewItem(db: PrismaClient, itemId: number): Promise<ReviewItem> {
  const item = await db.item.findUnique({
    where: { id: itemId },
    include: {
      dataset: { select: { name: true } },
      video: { select: { durationSec: true, fps: true, width: true, height: true, frameCount: true, probeError: true, representation: true } },
    },
  });
  if (!item) throw new AppError('NOT_FOUND', `Item ${itemId} not found`);
  const shownIds = [item.currentDraftId, item.currentRevisionId, item.acceptedVersionId].filter((id): id is number => id !== null);
  const [versions, latestEdit, lastDecision, reviewer, versionCount] = await Promise.all([
    shownIds.length ? db.cotVersion.findMany({ where: { itemId, id: { in: shownIds } }, select: VERSION_SELECT }) : Promise.resolve([]),
    db.cotVersion.findFirst({ where: { itemId, kind: 'edit' }, orderBy: { id: 'desc' }, select: VERSION_SELECT }),
    db.review.findFirst({ where: { itemId, undoneAt: null }, orderBy: { id: 'desc' }, select: DECISION_SELECT }),
    item.reviewedById ? db.user.findUnique({ where: { id: item.reviewedById }, select: { id: true, name: true } }) : Promise.resolve(null),
    db.cotVersion.count({ where: { itemId } }),
  ]);
  const byId = new Map(versions.map((v) => [v.id, toReviewVersion(v)]));
  const edit = latestEdit ? toReviewVersion(latestEdit) : null;
  const acceptedIsShown = item.acceptedVersionId === null || [item.currentDraftId, item.currentRevisionId, edit?.id].includes(item.acceptedVersionId);
  return {
    id: item.id,
    datasetId: item.datasetId,
    datasetName: item.dataset.name,
    problemId: item.problemId,
    problem: item.problem,
    options: item.options,
    problemType: toDomainProblemType(item.problemType),
    dataType: item.dataType,
    dataSource: item.dataSource,
    groundTruth: item.groundTruth,
    solution: item.solution,
    rev: item.rev,
    reviewStatus: item.reviewStatus,
    acceptedVersionId: item.acceptedVersionId,
    reviewedBy: reviewer,
    reviewedAt: item.reviewedAt ? item.reviewedAt.toISOString() : null,
    draft: item.currentDraftId !== null ? (byId.get(item.currentDraftId) ?? null) : null,
    revision: item.currentRevisionId !== null ? (byId.get(item.currentRevisionId) ?? null) : null,
    latestEdit: edit,
    accepted: acceptedIsShown || item.acceptedVersionId === null ? null : (byId.get(item.acceptedVersionId) ?? null),
    lastDecision: lastDecision ? toReviewDecision(lastDecision) : null,
    versionCount,
    media: mediaSource(item.datasetId, item.path),
    video: item.video
      ? {
          durationSec: item.video.durationSec,
          fps: item.video.fps,
          width: item.video.width,
          height: item.video.height,
          frameCount: item.video.frameCount,
          probeError: item.video.probeError,
        }
      : null,
    representation: item.dataType === 'video' ? parseRepresentation(item.video?.representation) : null,
    lastError: item.lastError,
  };
}
