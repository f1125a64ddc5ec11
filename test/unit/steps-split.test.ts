import { describe, expect, it } from 'vitest';
import { splitSteps } from '@/lib/steps/split-steps';
import { demoItems } from '@/demo/records';

/** No lone surrogate: a slice never cuts an emoji in half. */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

const pieces = (text: string) => splitSteps(text).map((s) => text.slice(s.start, s.end));

/** Every non-space character of the reasoning and answer lies in exactly one step, in order. */
function expectCovers(text: string) {
  const steps = splitSteps(text);
  for (let i = 1; i < steps.length; i++) expect(steps[i]!.start).toBeGreaterThanOrEqual(steps[i - 1]!.end);
  const joined = steps.map((s) => text.slice(s.start, s.end)).join('');
  const think = /<think>([\s\S]*?)<\/think>/.exec(text)?.[1] ?? text;
  const answer = /<answer>[\s\S]*?<\/answer>/.exec(text)?.[0] ?? '';
  expect(joined.replace(/\s+/g, '')).toBe((think + answer).replace(/\s+/g, ''));
}

describe('splitting a CoT into steps', () => {
  it('cuts at paragraphs and sentences and makes the answer the last step', () => {
    const text = '<think>\nThe clip shows a red ball. It rolls right.\n\nAt 00:03 it stops near 1.5 m/s marks, e.g. the ruler.\n</think>\n<answer>3</answer>';
    expect(pieces(text)).toEqual(['The clip shows a red ball.', 'It rolls right.', 'At 00:03 it stops near 1.5 m/s marks, e.g. the ruler.', '<answer>3</answer>']);
    expect(splitSteps(text).at(-1)!.kind).toBe('answer');
  });

  it('starts a new step at reflection markers, also after a clause break, and marks them', () => {
    const text = '<think>The square is blue; wait, it could be purple. Hmm, let me check the end. So the answer is B.</think><answer>B</answer>';
    const steps = splitSteps(text);
    expect(steps.map((s) => text.slice(s.start, s.end))).toEqual(['The square is blue;', 'wait, it could be purple.', 'Hmm, let me check the end.', 'So the answer is B.', '<answer>B</answer>']);
    expect(steps.map((s) => s.reflection)).toEqual([false, true, true, true, false]);
  });

  it('keeps offsets exact on unicode (emoji, CJK, combining marks) and never splits a surrogate pair', () => {
    const text = '<think>Le café ́ est 🟥 rouge. 😀 Then the 🚗 moves at 00:02! 视频中有一个红球。然后它向右移动。Wait — 🟦 appears.</think><answer>🟥</answer>';
    const steps = splitSteps(text);
    for (const s of steps) {
      const piece = text.slice(s.start, s.end);
      expect(wellFormed(piece)).toBe(true);
      expect(piece).toBe(piece.trim());
    }
    expect(pieces(text)).toEqual(['Le café ́ est 🟥 rouge.', '😀 Then the 🚗 moves at 00:02!', '视频中有一个红球。', '然后它向右移动。', 'Wait — 🟦 appears.', '<answer>🟥</answer>']);
    const ref = steps[1]!.refs[0]!;
    expect(text.slice(ref.start, ref.end)).toBe('00:02');
    expect(ref.seconds).toBe(2);
    expectCovers(text);
  });

  it('joins a fragment too short to stand alone to the sentence after it', () => {
    const text = '<think>Hmm. The ball is green.</think><answer>A</answer>';
    expect(pieces(text)[0]).toBe('Hmm. The ball is green.');
  });

  it('splits text without tags whole, and is deterministic', () => {
    const text = 'First I look. Then I answer.';
    expect(pieces(text)).toEqual(['First I look.', 'Then I answer.']);
    expect(splitSteps(text)).toEqual(splitSteps(text));
  });

  it('covers every demo draft and revision exactly, with each step holding its time references', () => {
    for (const item of demoItems()) {
      for (const cot of [item.draft.text, item.revision.text]) {
        expectCovers(cot);
        for (const s of splitSteps(cot)) for (const r of s.refs) expect(r.start >= s.start && r.end <= s.end).toBe(true);
      }
    }
  });
});
