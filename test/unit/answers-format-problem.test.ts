import { describe, expect, it } from 'vitest';
import { describeFormatProblem } from '@/lib/answers/format-problem';

describe('describeFormatProblem', () => {
  it('passes a well-formed CoT', () => {
    expect(describeFormatProblem('<think>a</think>\n<answer>B</answer>')).toBeNull();
  });
  it('says what is wrong', () => {
    expect(describeFormatProblem('')).toMatch(/empty/);
    expect(describeFormatProblem(' <think>a</think><answer>B</answer>')).toMatch(/before <think>/);
    expect(describeFormatProblem('a <think>b</think><answer>B</answer>')).toMatch(/start with <think>/);
    expect(describeFormatProblem('<think>a<answer>B</answer>')).toMatch(/add <\/think>/);
    expect(describeFormatProblem('<think>a</think> B')).toMatch(/no <answer>/);
    expect(describeFormatProblem('<think>a</think> so <answer>B</answer>')).toMatch(/between <\/think> and <answer>/);
    expect(describeFormatProblem('<think>a</think><answer>B')).toMatch(/add <\/answer>/);
    expect(describeFormatProblem('<think>a</think><answer>B</answer>\n')).toMatch(/trailing/);
  });
});
