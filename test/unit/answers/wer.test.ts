import { describe, expect, it } from 'vitest';
import { wordEditDistance, wordErrorRate } from '@/lib/answers/wer';

describe('wordEditDistance', () => {
  it('counts substitutions, insertions and deletions at unit cost', () => {
    expect(wordEditDistance([], [])).toBe(0);
    expect(wordEditDistance(['a'], [])).toBe(1);
    expect(wordEditDistance([], ['a', 'b'])).toBe(2);
    expect(wordEditDistance(['a', 'b', 'c'], ['a', 'b', 'c'])).toBe(0);
    expect(wordEditDistance(['a', 'b', 'c'], ['a', 'x', 'c'])).toBe(1);
    expect(wordEditDistance(['a', 'b', 'c'], ['b', 'c', 'a'])).toBe(2);
    // the classic kitten -> sitting, one word per letter
    expect(wordEditDistance([...'kitten'], [...'sitting'])).toBe(3);
  });
});

describe('wordErrorRate', () => {
  it('is 0 for identical text, ignoring how words are spaced', () => {
    expect(wordErrorRate('STOP sign ahead', 'STOP sign ahead')).toBe(0);
    expect(wordErrorRate('a  b\n c', ' a b c ')).toBe(0);
  });

  it('divides the edit distance by the reference word count', () => {
    // b -> x substituted, d deleted
    expect(wordErrorRate('a b c d', 'a x c')).toBe(0.5);
    expect(wordErrorRate('one two three', 'one two three four')).toBeCloseTo(1 / 3, 12);
  });

  it('is case- and punctuation-sensitive, since words are compared as written', () => {
    expect(wordErrorRate('Hello world', 'hello world')).toBe(0.5);
    expect(wordErrorRate('Hello, world', 'Hello world')).toBe(0.5);
  });

  it('can exceed 1 when the hypothesis is much longer', () => {
    expect(wordErrorRate('a', 'a b c')).toBe(2);
  });

  it('treats an empty reference as one word: 0 for an empty hypothesis, else its word count', () => {
    expect(wordErrorRate('', '')).toBe(0);
    expect(wordErrorRate('  ', '\n')).toBe(0);
    expect(wordErrorRate('', 'a b')).toBe(2);
  });

  it('gives 1 for an empty hypothesis against a non-empty reference', () => {
    expect(wordErrorRate('a b c', '')).toBe(1);
  });
});
