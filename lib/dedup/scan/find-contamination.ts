import { questionMatches, videoMatches, type VideoMatchSettings } from '../lsh';
import type { LoadedItems, LoadedVideos } from './load-signatures';

export type ContaminationReason =
  | { kind: 'video'; evalDataset: string; evalVideoId: number; overlap: number }
  | { kind: 'question'; evalDataset: string; evalItemId: number; evalProblemId: string; similarity: number };

export type EvalSet = { name: string; items: LoadedItems; videos: LoadedVideos };

/**
 * Training items that overlap an evaluation set: their video is a near-duplicate of one of its
 * videos (frame hashes), or their question + options a near-duplicate of one of its questions
 * (MinHash). Returns the reasons per flagged item id.
 */
export function findContamination(train: { items: LoadedItems; videos: LoadedVideos }, evalSets: EvalSet[], s: VideoMatchSettings & { questionThreshold: number }): Map<number, ContaminationReason[]> {
  const flagged = new Map<number, ContaminationReason[]>();
  const add = (itemId: number, r: ContaminationReason) => {
    const list = flagged.get(itemId) ?? [];
    list.push(r);
    flagged.set(itemId, list);
  };
  const itemsByVideo = new Map<number, number[]>();
  train.items.videoIds.forEach((v, i) => {
    if (v < 0) return;
    const list = itemsByVideo.get(v) ?? [];
    list.push(train.items.ids[i]!);
    itemsByVideo.set(v, list);
  });
  for (const ev of evalSets) {
    for (const [q, m] of videoMatches(train.videos.words, ev.videos.words, s)) {
      for (const itemId of itemsByVideo.get(train.videos.ids[q]!) ?? []) {
        add(itemId, { kind: 'video', evalDataset: ev.name, evalVideoId: ev.videos.ids[m.ref]!, overlap: m.overlap });
      }
    }
    for (const [q, m] of questionMatches(train.items.signatures, ev.items.signatures, s.questionThreshold)) {
      add(train.items.ids[q]!, { kind: 'question', evalDataset: ev.name, evalItemId: ev.items.ids[m.ref]!, evalProblemId: ev.items.problemIds[m.ref]!, similarity: m.similarity });
    }
  }
  return flagged;
}
