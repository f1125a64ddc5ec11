import { describe, expect, it } from 'vitest';
import { diffStats, diffWords, type DiffOp } from '@/lib/review/word-diff';

const side = (ops: DiffOp[], keep: 'insert' | 'delete') => ops.filter((o) => o.type === 'equal' || o.type === keep).map((o) => o.text).join('');

describe('word diff between two CoT versions', () => {
  it('marks a replaced word as one deletion and one insertion, keeping the rest equal', () => {
    const ops = diffWords('a blue ball rolls right', 'a green ball rolls right');
    expect(ops).toEqual([
      { type: 'equal', text: 'a ' },
      { type: 'delete', text: 'blue' },
      { type: 'insert', text: 'green' },
      { type: 'equal', text: ' ball rolls right' },
    ]);
    expect(diffStats(ops)).toEqual({ inserted: 1, deleted: 1 });
  });

  it('reconstructs both texts exactly from the ops, whatever the edits', () => {
    const a = '<think>\nOkay, picture it: a dark screen. At 00:01 a blue square enters; at 00:02 a red one.\n</think>\n<answer>3</answer>';
    const b = '<think>\nThe video shows a dark screen. At 00:00 a yellow square, at 00:01 a blue square enters; at 00:02 a red one!\n</think>\n<answer>4</answer>';
    const ops = diffWords(a, b);
    expect(side(ops, 'delete')).toBe(a);
    expect(side(ops, 'insert')).toBe(b);
    expect(ops.some((o) => o.type === 'insert' && o.text.includes('yellow'))).toBe(true);
  });

  it('handles empty and identical texts', () => {
    expect(diffWords('', '')).toEqual([]);
    expect(diffWords('same text', 'same text')).toEqual([{ type: 'equal', text: 'same text' }]);
    expect(diffWords('', 'new words')).toEqual([{ type: 'insert', text: 'new words' }]);
    expect(diffWords('old words', '')).toEqual([{ type: 'delete', text: 'old words' }]);
  });

  it('stays exact on long texts with scattered edits', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `w${i % 97}`);
    const a = words.join(' ');
    const b = words.map((w, i) => (i % 250 === 0 ? `${w}x` : w)).join(' ');
    const ops = diffWords(a, b);
    expect(side(ops, 'delete')).toBe(a);
    expect(side(ops, 'insert')).toBe(b);
    expect(diffStats(ops)).toEqual({ inserted: 12, deleted: 12 });
  });
});
