import { describe, expect, it } from 'vitest';
import { rougeL, rougeMeanF1, rougeN, rougeScores, rougeTokenize } from '@/lib/answers/rouge';

describe('rougeTokenize (rouge_score default tokenizer)', () => {
  it('lower-cases, splits on anything outside [a-z0-9] and stems tokens longer than 3 characters', () => {
    expect(rougeTokenize('The Dogs were RUNNING, happily!')).toEqual(['the', 'dog', 'were', 'run', 'happili']);
  });

  it('does not stem tokens of 3 characters or fewer', () => {
    // 'ties' (4) is stemmed, 'is' and 'ran' are not
    expect(rougeTokenize('ties is ran')).toEqual(['tie', 'is', 'ran']);
  });

  it('treats punctuation inside words as a separator', () => {
    expect(rougeTokenize("don't re-use e.g. 3.14", { useStemmer: false })).toEqual([
      'don', 't', 're', 'use', 'e', 'g', '3', '14',
    ]);
  });

  it('drops non-Latin text entirely', () => {
    expect(rougeTokenize('一只猫 café')).toEqual(['caf']);
    expect(rougeTokenize('一只猫')).toEqual([]);
  });

  it('can skip stemming', () => {
    expect(rougeTokenize('Running dogs', { useStemmer: false })).toEqual(['running', 'dogs']);
  });
});

describe('rougeN / rougeL on tokens', () => {
  it('clips repeated n-grams to the reference count', () => {
    // prediction "the the the" vs reference "the cat": overlap 1
    const s = rougeN(['the', 'cat'], ['the', 'the', 'the'], 1);
    expect(s.precision).toBeCloseTo(1 / 3, 12);
    expect(s.recall).toBeCloseTo(1 / 2, 12);
    expect(s.fmeasure).toBeCloseTo(0.4, 12);
  });

  it('gives 0 rather than NaN for empty sides', () => {
    expect(rougeN([], [], 1)).toEqual({ precision: 0, recall: 0, fmeasure: 0 });
    expect(rougeN(['a'], ['a'], 2)).toEqual({ precision: 0, recall: 0, fmeasure: 0 });
    expect(rougeL([], ['a'])).toEqual({ precision: 0, recall: 0, fmeasure: 0 });
  });

  it('uses a subsequence, not a substring, for ROUGE-L', () => {
    // LCS of a b c d e and a x c y e is a c e
    const s = rougeL(['a', 'b', 'c', 'd', 'e'], ['a', 'x', 'c', 'y', 'e']);
    expect(s.fmeasure).toBeCloseTo(0.6, 12);
  });
});

describe('rougeScores / rougeMeanF1 (hand-computed)', () => {
  it('scores identical text 1 on every measure', () => {
    const s = rougeScores('The cat sat on the mat.', 'the cat sat on the mat');
    expect(s.rouge1.fmeasure).toBe(1);
    expect(s.rouge2.fmeasure).toBe(1);
    expect(s.rougeL.fmeasure).toBe(1);
    expect(rougeMeanF1('Hello, World!', 'hello world')).toBe(1);
  });

  it('scores one substituted word', () => {
    // ref:  the cat sat on the mat   pred: the cat lay on the mat
    // R1: 5 of 6 unigrams -> 5/6; R2: the cat, on the, the mat = 3 of 5 -> 3/5;
    // RL: LCS "the cat on the mat" = 5 -> 5/6; mean = (5/6 + 3/5 + 5/6) / 3 = 34/45
    const s = rougeScores('the cat sat on the mat', 'the cat lay on the mat');
    expect(s.rouge1.fmeasure).toBeCloseTo(5 / 6, 12);
    expect(s.rouge2.fmeasure).toBeCloseTo(3 / 5, 12);
    expect(s.rougeL.fmeasure).toBeCloseTo(5 / 6, 12);
    expect(rougeMeanF1('the cat sat on the mat', 'the cat lay on the mat')).toBeCloseTo(34 / 45, 12);
  });

  it('matches words through stemming', () => {
    // ref [run, dog]; pred [the, dog, run]
    // R1: P 2/3, R 1 -> 0.8; R2: 0; RL: LCS 1, P 1/3, R 1/2 -> 0.4; mean 0.4
    const s = rougeScores('Running dogs', 'the dog runs');
    expect(s.rouge1.fmeasure).toBeCloseTo(0.8, 12);
    expect(s.rouge2.fmeasure).toBe(0);
    expect(s.rougeL.fmeasure).toBeCloseTo(0.4, 12);
    expect(rougeMeanF1('Running dogs', 'the dog runs')).toBeCloseTo(0.4, 12);
    expect(rougeMeanF1('Running dogs', 'the dog runs', { useStemmer: false })).toBe(0);
  });

  it('scores a correct one-word answer 2/3, because a single word has no bigram', () => {
    expect(rougeMeanF1('Dog', 'dog')).toBeCloseTo(2 / 3, 12);
  });

  it('scores identical non-Latin answers 0, because they produce no tokens', () => {
    expect(rougeMeanF1('一只猫', '一只猫')).toBe(0);
  });

  it('scores an empty prediction 0', () => {
    expect(rougeMeanF1('a man walks his dog', '')).toBe(0);
  });

  it('is asymmetric in precision and recall but symmetric in F1', () => {
    const a = rougeScores('a man walks his dog in the park', 'a man walks');
    const b = rougeScores('a man walks', 'a man walks his dog in the park');
    expect(a.rouge1.precision).toBe(b.rouge1.recall);
    expect(a.rouge1.fmeasure).toBeCloseTo(b.rouge1.fmeasure, 12);
  });
});
