import { describe, expect, it } from 'vitest';
import { dHashFromGrey, frameHashWords } from '@/lib/dedup/frame-hash';
import { questionClusters, questionMatches, videoClusters, videoMatches } from '@/lib/dedup/lsh';
import { minhash, questionText, similarity } from '@/lib/dedup/minhash';

// Generated data: known near-duplicates must be found, distinct items never merged.

function rng(seed: number) {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return x / 2 ** 32;
  };
}

const WORDS = 'person table cup red blue walks opens closes door video left right before after holds picks bag box chair window car dog cat ball runs sits stands kitchen street'.split(' ');

function sentence(r: () => number, n: number): string {
  return Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ');
}

describe('question MinHash + LSH', () => {
  const r = rng(7);
  const base = Array.from({ length: 400 }, (_, i) => `${sentence(r, 14)} q${i}?`);
  // Every 10th question gets a copy with its case and punctuation changed.
  const copies = base.filter((_, i) => i % 10 === 0).map((q) => q.toUpperCase().replace(' ', ', ').replace(/q(\d+)\?$/, 'Q$1 !'));
  const texts = [...base, ...copies];
  const sigs = texts.map((t) => minhash(t, 2));

  it('scores a reworded copy high and an unrelated question low', () => {
    expect(similarity(sigs[0]!, sigs[400]!)).toBeGreaterThanOrEqual(0.7);
    expect(similarity(sigs[0]!, sigs[1]!)).toBeLessThan(0.3);
  });

  it('clusters exactly the known copies', () => {
    const clusters = questionClusters({ signatures: sigs, groups: new Int32Array(sigs.length) }, 0.7);
    const pairs = clusters.map((c) => [...c].sort((a, b) => a - b));
    expect(pairs).toHaveLength(40);
    for (const c of pairs) {
      expect(c).toHaveLength(2);
      expect(c[1]! - 400).toBe(c[0]! / 10);
    }
  });

  it('does not merge the same question on different videos (groups)', () => {
    const groups = Int32Array.from(sigs, (_, i) => (i >= 400 ? 1 : 0));
    expect(questionClusters({ signatures: sigs, groups }, 0.7)).toHaveLength(0);
  });

  it('matches queries against references only', () => {
    const matches = questionMatches(sigs.slice(400), sigs.slice(0, 400), 0.7);
    expect(matches.size).toBe(40);
    for (const [q, m] of matches) expect(m.ref).toBe(q * 10);
  });

  it('takes the options into the question text', () => {
    const a = minhash(questionText('Which colour is the cup?', ['A. red', 'B. blue']), 2);
    const b = minhash(questionText('Which colour is the cup?', ['A. green', 'B. yellow', 'C. purple', 'D. black']), 2);
    expect(similarity(a, b)).toBeLessThan(0.7);
  });
});

describe('frame dHash + video LSH', () => {
  const r = rng(11);
  const frame = () => Uint8Array.from({ length: 72 }, () => Math.floor(r() * 256));
  const video = (frames: Uint8Array[]) => frameHashWords(Buffer.concat(frames.map((f) => dHashFromGrey(f))));
  // A near copy: brightness shifted and a little noise, which leaves most pixel orderings alone.
  const nearCopy = (f: Uint8Array) => Uint8Array.from(f, (p) => Math.min(255, p + 3));

  const originals = Array.from({ length: 300 }, () => Array.from({ length: 16 }, frame));
  const copies = originals.slice(0, 30).map((frames) => frames.map(nearCopy));
  const words = [...originals, ...copies].map(video);
  const settings = { frameMaxDistance: 10, videoMinShare: 0.5 };

  it('finds every re-encoded copy and merges nothing else', () => {
    const clusters = videoClusters({ words }, settings).map((c) => [...c].sort((a, b) => a - b));
    expect(clusters).toHaveLength(30);
    for (const c of clusters) expect(c).toEqual([c[0], c[0]! + 300]);
  });

  it('matches training videos against evaluation videos', () => {
    const m = videoMatches(words.slice(300), words.slice(0, 300), settings);
    expect(m.size).toBe(30);
    for (const [q, hit] of m) expect(hit.ref).toBe(q);
  });
});
