import { hamming } from './frame-hash';
import { MINHASH_SLOTS, mix32, similarity } from './minhash';
import { UnionFind } from './union-find';

// Locality-sensitive hashing: candidates are the entries that agree exactly on some band of
// their hash; only candidates are compared, so the work grows with the number of entries and
// near-duplicates, not with its square. Each band is one sorted typed array of (key, entry)
// packed into a float64, so 310K questions × 16 bands never become millions of small arrays.

/** Question MinHash: 16 bands of 4 slots. A pair at Jaccard 0.7 shares a band with p ≈ 0.99. */
export const QUESTION_BANDS = 16;
const ROWS = MINHASH_SLOTS / QUESTION_BANDS;
/** Frame dHash: 4 bands of 16 bits; frames within 3 bits always share one, further ones often. */
const FRAME_BANDS = 4;
/** A bucket this crowded holds a common frame (black, a title card): it tells nothing. */
const MAX_FRAME_BUCKET = 256;
/** How many members of a question bucket each new member is compared with. */
const BUCKET_REPRESENTATIVES = 8;

/** Calls visit(start, end) for each run of equal keys (length ≥ 2) in a sorted packed array. */
function runs(packed: Float64Array, shift: number, visit: (start: number, end: number) => void): void {
  let start = 0;
  for (let i = 1; i <= packed.length; i++) {
    if (i < packed.length && Math.floor(packed[i]! / shift) === Math.floor(packed[start]! / shift)) continue;
    if (i - start >= 2) visit(start, i);
    start = i;
  }
}

const ENTRY = 2 ** 21; // entries per packed key: up to 2M questions or frames

export type QuestionEntries = {
  signatures: Uint32Array[];
  /** Entries in the same group are eligible (e.g. the same or a near-duplicate video); -1: any. */
  groups: Int32Array;
};

/** The band keys of every entry for one band (32-bit, group mixed in). */
function bandKeys(e: QuestionEntries, band: number): Uint32Array {
  const keys = new Uint32Array(e.signatures.length);
  for (let i = 0; i < keys.length; i++) {
    const s = e.signatures[i]!;
    let h = mix32(band + 0x3c6ef372);
    for (let r = 0; r < ROWS; r++) h = mix32(h ^ s[band * ROWS + r]!);
    keys[i] = e.groups[i]! >= 0 ? mix32(h ^ mix32(e.groups[i]! + 1)) : h;
  }
  return keys;
}

function sortedBand(keys: Uint32Array): Float64Array {
  if (keys.length >= ENTRY) throw new Error(`LSH handles at most ${ENTRY - 1} entries per pass`);
  const packed = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) packed[i] = keys[i]! * ENTRY + i;
  return packed.sort();
}

/**
 * Near-duplicate clusters among questions: entries whose estimated Jaccard similarity reaches
 * `threshold` and whose groups agree. Returns the clusters (entry indices, 2+ members).
 */
export function questionClusters(e: QuestionEntries, threshold: number): number[][] {
  const uf = new UnionFind(e.signatures.length);
  for (let band = 0; band < QUESTION_BANDS; band++) {
    const packed = sortedBand(bandKeys(e, band));
    runs(packed, ENTRY, (start, end) => {
      const reps: number[] = [];
      for (let k = start; k < end; k++) {
        const m = packed[k]! % ENTRY;
        let joined = false;
        for (const r of reps) {
          if (e.groups[r] !== e.groups[m]) continue;
          if (uf.find(r) === uf.find(m) || similarity(e.signatures[r]!, e.signatures[m]!) >= threshold) {
            uf.union(r, m);
            joined = true;
            break;
          }
        }
        if (!joined && reps.length < BUCKET_REPRESENTATIVES) reps.push(m);
      }
    });
  }
  return uf.groups();
}

/**
 * For each query, the best matching reference (similarity ≥ threshold), among references that
 * share a band with it. Queries and references are not compared among themselves.
 */
export function questionMatches(queries: Uint32Array[], references: Uint32Array[], threshold: number): Map<number, { ref: number; similarity: number }> {
  const all: QuestionEntries = { signatures: [...queries, ...references], groups: new Int32Array(queries.length + references.length).fill(-1) };
  const n = queries.length;
  const best = new Map<number, { ref: number; similarity: number }>();
  for (let band = 0; band < QUESTION_BANDS; band++) {
    const packed = sortedBand(bandKeys(all, band));
    runs(packed, ENTRY, (start, end) => {
      const refs: number[] = [];
      const qs: number[] = [];
      for (let k = start; k < end; k++) {
        const m = packed[k]! % ENTRY;
        if (m < n) qs.push(m);
        else if (refs.length < BUCKET_REPRESENTATIVES) refs.push(m);
      }
      if (refs.length === 0) return;
      for (const q of qs) {
        if ((best.get(q)?.similarity ?? 0) >= 1) continue;
        for (const r of refs) {
          const s = similarity(all.signatures[q]!, all.signatures[r]!);
          if (s >= threshold && s > (best.get(q)?.similarity ?? 0)) best.set(q, { ref: r - n, similarity: s });
        }
      }
    });
  }
  return best;
}

export type VideoHashes = {
  /** Per video, its frames' hashes as interleaved (lo, hi) 32-bit halves (frameHashWords). */
  words: Uint32Array[];
};

export type VideoMatchSettings = { frameMaxDistance: number; videoMinShare: number };

/** Share of the shorter video's frames that have a frame within `maxDistance` bits in the other. */
export function videoOverlap(a: Uint32Array, b: Uint32Array, maxDistance: number): number {
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  const frames = s.length / 2;
  if (frames === 0) return 0;
  let matched = 0;
  for (let i = 0; i < s.length; i += 2) {
    for (let j = 0; j < l.length; j += 2) {
      if (hamming(s[i]!, s[i + 1]!, l[j]!, l[j + 1]!) <= maxDistance) {
        matched++;
        break;
      }
    }
  }
  return matched / frames;
}

/**
 * Candidate pairs of videos (indices, a < b) having at least one pair of frames that agree on a
 * 16-bit band and lie within `maxDistance` bits. `eligible(a, b)` can rule pairs out early.
 */
function candidateVideoPairs(v: VideoHashes, maxDistance: number, eligible: (a: number, b: number) => boolean): Set<number> {
  let frames = 0;
  for (const w of v.words) frames += w.length / 2;
  if (frames >= 2 ** 31) throw new Error('too many frames for one pass');
  const videoOf = new Int32Array(frames);
  const lo = new Uint32Array(frames);
  const hi = new Uint32Array(frames);
  let f = 0;
  v.words.forEach((w, vi) => {
    for (let i = 0; i < w.length; i += 2, f++) {
      videoOf[f] = vi;
      lo[f] = w[i]!;
      hi[f] = w[i + 1]!;
    }
  });
  const pairs = new Set<number>();
  const PAIR = 2 ** 26;
  const SHIFT = 2 ** 32;
  const packed = new Float64Array(frames);
  for (let band = 0; band < FRAME_BANDS; band++) {
    for (let i = 0; i < frames; i++) {
      const word = band < 2 ? lo[i]! : hi[i]!;
      const key = band % 2 === 0 ? word & 0xffff : word >>> 16;
      packed[i] = key * SHIFT + i;
    }
    packed.sort();
    runs(packed, SHIFT, (start, end) => {
      if (end - start > MAX_FRAME_BUCKET) return;
      for (let x = start; x < end; x++) {
        const fx = packed[x]! % SHIFT;
        for (let y = x + 1; y < end; y++) {
          const fy = packed[y]! % SHIFT;
          const a = Math.min(videoOf[fx]!, videoOf[fy]!);
          const b = Math.max(videoOf[fx]!, videoOf[fy]!);
          if (a === b || pairs.has(a * PAIR + b) || !eligible(a, b)) continue;
          if (hamming(lo[fx]!, hi[fx]!, lo[fy]!, hi[fy]!) <= maxDistance) pairs.add(a * PAIR + b);
        }
      }
    });
  }
  return pairs;
}

const PAIR_BASE = 2 ** 26;

/** Near-duplicate video clusters (indices, 2+ members). */
export function videoClusters(v: VideoHashes, s: VideoMatchSettings): number[][] {
  const uf = new UnionFind(v.words.length);
  for (const p of candidateVideoPairs(v, s.frameMaxDistance, () => true)) {
    const a = Math.floor(p / PAIR_BASE);
    const b = p % PAIR_BASE;
    if (uf.find(a) === uf.find(b)) continue;
    if (videoOverlap(v.words[a]!, v.words[b]!, s.frameMaxDistance) >= s.videoMinShare) uf.union(a, b);
  }
  return uf.groups();
}

/** For each query video, a near-duplicate reference video (and the overlap), if any. */
export function videoMatches(queries: Uint32Array[], references: Uint32Array[], s: VideoMatchSettings): Map<number, { ref: number; overlap: number }> {
  const n = queries.length;
  const out = new Map<number, { ref: number; overlap: number }>();
  const pairs = candidateVideoPairs({ words: [...queries, ...references] }, s.frameMaxDistance, (a, b) => a < n && b >= n);
  for (const p of pairs) {
    const q = Math.floor(p / PAIR_BASE);
    const r = p % PAIR_BASE;
    const overlap = videoOverlap(queries[q]!, references[r - n]!, s.frameMaxDistance);
    if (overlap >= s.videoMinShare && overlap > (out.get(q)?.overlap ?? 0)) out.set(q, { ref: r - n, overlap });
  }
  return out;
}
