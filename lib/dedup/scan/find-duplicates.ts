import { questionClusters, videoClusters, type VideoMatchSettings } from '../lsh';
import type { LoadedItems, LoadedVideos } from './load-signatures';

export type DuplicateAssignment = { itemIds: number[]; clusters: number[]; duplicateOf: (number | null)[] };

/**
 * Near-duplicate items of one dataset: the same question (MinHash similarity ≥ threshold) on
 * the same or a near-duplicate video (frame hashes). A question alone is not enough: template
 * questions ("What happens after …?") recur over thousands of different videos. Each cluster
 * keeps one item — an accepted one if any, else the lowest id — named on every member.
 */
export function findDuplicates(items: LoadedItems, videos: LoadedVideos, s: VideoMatchSettings & { questionThreshold: number }): DuplicateAssignment & { videoClusters: number } {
  // Videos in one near-duplicate cluster share a group id (the smallest video id).
  const groupOfVideo = new Map<number, number>();
  const vClusters = videoClusters({ words: videos.words }, s);
  for (const c of vClusters) {
    const group = Math.min(...c.map((i) => videos.ids[i]!));
    for (const i of c) groupOfVideo.set(videos.ids[i]!, group);
  }
  const groups = new Int32Array(items.ids.length);
  for (let i = 0; i < groups.length; i++) {
    const v = items.videoIds[i]!;
    // An item with no video row only matches items with no video row.
    groups[i] = v < 0 ? 0 : (groupOfVideo.get(v) ?? v);
  }
  const out: DuplicateAssignment = { itemIds: [], clusters: [], duplicateOf: [] };
  for (const members of questionClusters({ signatures: items.signatures, groups }, s.questionThreshold)) {
    const acceptedOnes = members.filter((m) => items.accepted[m] === 1);
    const keeper = Math.min(...(acceptedOnes.length ? acceptedOnes : members).map((m) => items.ids[m]!));
    for (const m of members) {
      const id = items.ids[m]!;
      out.itemIds.push(id);
      out.clusters.push(keeper);
      out.duplicateOf.push(id === keeper ? null : keeper);
    }
  }
  return { ...out, videoClusters: vClusters.length };
}
