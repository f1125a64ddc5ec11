// MinHash signatures of questions over word shingles: two questions' Jaccard similarity is
// estimated by the share of equal signature slots. 64 slots give a standard error of about
// 0.06, enough to separate reworded copies (≥ 0.7) from different questions on one template.

export const MINHASH_SLOTS = 64;

// Fixed seeds: signatures stored in the database must stay comparable across processes.
const SEEDS = (() => {
  const out = new Uint32Array(MINHASH_SLOTS);
  let x = 0x9e3779b9;
  for (let i = 0; i < MINHASH_SLOTS; i++) {
    x = mix32(x + 0x6d2b79f5 + i);
    out[i] = x;
  }
  return out;
})();

/** murmur3's finaliser: a fast, well-spread 32-bit mix. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over the UTF-16 code units of a string. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Lower-cased words, punctuation dropped: "What's the man doing?" → what s the man doing. */
export function questionWords(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** The text a question's signature is taken over: the question, then its options. */
export function questionText(problem: string, options: readonly string[]): string {
  return options.length ? `${problem}\n${options.join('\n')}` : problem;
}

/**
 * Hashes of the distinct `n`-word shingles (a text shorter than n words is one shingle). Each
 * word is hashed once and a shingle's hash combines its words' hashes, so no shingle string is
 * ever built.
 */
export function shingleHashes(text: string, n: number): Uint32Array {
  const words = questionWords(text).map(hashString);
  const set = new Set<number>();
  const span = Math.min(n, words.length);
  for (let i = 0; i + span <= words.length; i++) {
    let h = 0x9747b28c;
    for (let k = 0; k < span; k++) h = mix32(h ^ words[i + k]!);
    set.add(h);
    if (span < n) break;
  }
  if (set.size === 0) set.add(0);
  return Uint32Array.from(set);
}

/** The MinHash signature of a text (MINHASH_SLOTS unsigned 32-bit values). */
export function minhash(text: string, shingleWords: number): Uint32Array {
  const shingles = shingleHashes(text, shingleWords);
  const sig = new Uint32Array(MINHASH_SLOTS).fill(0xffffffff);
  const seeds = SEEDS;
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s]!;
    for (let i = 0; i < MINHASH_SLOTS; i++) {
      // murmur3's finaliser of (shingle xor seed), inlined: the hot loop of the scan.
      let h = x ^ seeds[i]!;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h = (h ^ (h >>> 16)) >>> 0;
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity: the share of equal slots. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < MINHASH_SLOTS; i++) if (a[i] === b[i]) same++;
  return same / MINHASH_SLOTS;
}

/** A signature as stored (bytea, little-endian) and back. */
export function signatureToBytes(sig: Uint32Array): Buffer {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
}

export function signatureFromBytes(buf: Uint8Array): Uint32Array {
  if (buf.byteLength !== MINHASH_SLOTS * 4) throw new Error(`A MinHash signature has ${MINHASH_SLOTS * 4} bytes, not ${buf.byteLength}`);
  const copy = new Uint8Array(buf);
  return new Uint32Array(copy.buffer, 0, MINHASH_SLOTS);
}
