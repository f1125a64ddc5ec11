import type { PrismaClient } from '@/generated/prisma/client';
import { log } from '../../log';
import { QUEUE_POLICY } from '../../queue/contract';
import type { RlPoolSettings } from '../settings';
import { findContamination, type EvalSet } from './find-contamination';
import { findDuplicates } from './find-duplicates';
import { hashVideos, videosToHash } from './hash-videos';
import { loadItemSignatures, loadVideoHashes } from './load-signatures';
import { signQuestions } from './sign-questions';
import { writeFindings } from './write-findings';

export type ScanResult = {
  videosHashed: number;
  videosFailed: number;
  questionsSigned: number;
  duplicateItems: number;
  duplicateClusters: number;
  videoClusters: number;
  contaminated: number | null;
  evaluationSets: string[];
};

/**
 * The duplicate and contamination scan of one dataset: hashes the frames of videos not hashed
 * yet (its own and the evaluation sets'), signs questions not signed yet, then finds clusters
 * and contamination over the whole dataset and writes them. Every step is idempotent (hashes
 * and signatures are kept, findings replaced), so a retried job redoes only what is missing.
 */
export async function runCurationScan(db: PrismaClient, opts: { scanId: number; settings: RlPoolSettings }): Promise<{ status: string; result?: ScanResult }> {
  const scan = await db.curationScan.findUnique({ where: { id: opts.scanId }, include: { dataset: true } });
  if (!scan) return { status: 'missing' };
  if (scan.status === 'completed' || scan.status === 'failed' || scan.status === 'cancelled') return { status: scan.status };
  const attempts = scan.attempts + 1;
  await db.curationScan.update({ where: { id: scan.id }, data: { status: 'running', attempts, startedAt: new Date(), error: null } });
  const progress = (phase: string, done: number, total: number) =>
    db.curationScan.update({ where: { id: scan.id }, data: { phase, done, total } }).then(() => undefined, (e) => log('warn', 'scan progress update failed', { scanId: scan.id, error: (e as Error).message }));
  const s = opts.settings;
  try {
    const evalSets = scan.dataset.isEvaluationSet ? [] : await db.dataset.findMany({ where: { isEvaluationSet: true, id: { not: scan.datasetId } }, select: { id: true, name: true } });
    const datasetIds = [scan.datasetId, ...evalSets.map((d) => d.id)];

    const toHash = await videosToHash(db, datasetIds);
    await progress('hashing frames', 0, toHash.length);
    let lastAt = 0;
    const hashed = await hashVideos(db, toHash, s.hashFrames, async (n) => {
      if (Date.now() - lastAt < 500 && n < toHash.length) return;
      lastAt = Date.now();
      await progress('hashing frames', n, toHash.length);
    });

    const unsignedTotal = await db.item.count({ where: { datasetId: { in: datasetIds } } });
    await progress('signing questions', 0, unsignedTotal);
    const signed = await signQuestions(db, datasetIds, s.shingleWords, (n) => progress('signing questions', n, unsignedTotal));

    await progress('finding duplicates', 0, 1);
    const match = { frameMaxDistance: s.frameMaxDistance, videoMinShare: s.videoMinShare, questionThreshold: s.questionThreshold };
    const items = await loadItemSignatures(db, [scan.datasetId]);
    const videos = await loadVideoHashes(db, [scan.datasetId]);
    const dup = findDuplicates(items, videos, match);
    let contamination = null;
    if (!scan.dataset.isEvaluationSet) {
      const sets: EvalSet[] = [];
      for (const ev of evalSets) sets.push({ name: ev.name, items: await loadItemSignatures(db, [ev.id]), videos: await loadVideoHashes(db, [ev.id]) });
      contamination = findContamination({ items, videos }, sets, match);
    }
    await writeFindings(db, scan.datasetId, dup, contamination);
    const result: ScanResult = {
      videosHashed: hashed.hashed,
      videosFailed: hashed.failed,
      questionsSigned: signed,
      duplicateItems: dup.itemIds.length,
      duplicateClusters: new Set(dup.clusters).size,
      videoClusters: dup.videoClusters,
      contaminated: contamination ? contamination.size : null,
      evaluationSets: evalSets.map((d) => d.name),
    };
    await db.curationScan.update({ where: { id: scan.id }, data: { status: 'completed', phase: 'done', done: 1, total: 1, result, finishedAt: new Date() } });
    return { status: 'completed', result };
  } catch (e) {
    const message = (e as Error).message;
    const final = attempts > QUEUE_POLICY['dedup.scan'].retryLimit;
    await db.curationScan.update({
      where: { id: scan.id },
      data: final ? { status: 'failed', error: message, finishedAt: new Date() } : { status: 'queued', error: `attempt ${attempts} failed, retrying: ${message}` },
    });
    if (final) return { status: 'failed' };
    throw e;
  }
}
