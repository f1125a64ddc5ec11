import { describe, expect, it } from 'vitest';
import { decideVerdict } from '@/lib/pipeline/check/verdict';
import { consistencyScore, consistencyText } from '@/lib/pipeline/consistency/score';
import { scoreCot } from '@/lib/pipeline/score-cot';

const rules = { openEndedMinScore: 0.5, minConsistency: null, missingAnswer: 'empty' as const };
const cot = (text: string, type: Parameters<typeof scoreCot>[1], solution: string) => scoreCot(text, type, solution, rules);

describe('filter verdict', () => {
  it('drops a wrong final answer when the ground truth is clear', () => {
    expect(decideVerdict({ problemType: 'multiple choice', cot: cot('<think>x</think><answer>B</answer>', 'multiple choice', '<answer>A</answer>'), consistencyScore: null }, rules)).toEqual({ verdict: 'drop', reason: 'wrong answer' });
    expect(decideVerdict({ problemType: 'numerical', cot: cot('<think>x</think><answer>3.0</answer>', 'numerical', '<answer>3</answer>'), consistencyScore: null }, rules).reason).toBe('wrong answer');
    expect(decideVerdict({ problemType: 'numerical', cot: cot('<think>x</think><answer>3</answer>', 'numerical', '<answer>3</answer>'), consistencyScore: null }, rules).verdict).toBe('keep');
  });

  it('drops a CoT trainers would reject for its format', () => {
    expect(decideVerdict({ problemType: 'multiple choice', cot: cot('<answer>A</answer>', 'multiple choice', '<answer>A</answer>'), consistencyScore: null }, rules).reason).toBe('bad format');
  });

  it('keeps open-ended answers close enough to the reference (a setting)', () => {
    const near = cot('<think>x</think><answer>a red circle rolls right</answer>', 'free-form', '<answer>a red circle rolls to the right</answer>');
    const far = cot('<think>x</think><answer>nothing</answer>', 'free-form', '<answer>a red circle rolls to the right</answer>');
    expect(decideVerdict({ problemType: 'free-form', cot: near, consistencyScore: null }, rules).verdict).toBe('keep');
    expect(decideVerdict({ problemType: 'free-form', cot: far, consistencyScore: null }, rules).reason).toMatch(/^answer far from the reference \(score 0\.00 < 0\.5\)$/);
    expect(decideVerdict({ problemType: 'free-form', cot: near, consistencyScore: null }, { ...rules, openEndedMinScore: 0.99 }).verdict).toBe('drop');
  });

  it('drops low consistency only when a threshold is set', () => {
    const ok = cot('<think>x</think><answer>A</answer>', 'multiple choice', '<answer>A</answer>');
    expect(decideVerdict({ problemType: 'multiple choice', cot: ok, consistencyScore: 0.1 }, rules).verdict).toBe('keep');
    expect(decideVerdict({ problemType: 'multiple choice', cot: ok, consistencyScore: 0.1 }, { ...rules, minConsistency: 0.3 }).reason).toBe('low consistency (0.10 < 0.3)');
  });
});

describe('consistency score', () => {
  it('uses the reasoning after its first sentence, cut to 64 words', () => {
    expect(consistencyText('Let me think. The ball is red! It rolls.')).toBe('The ball is red! It rolls.');
    expect(consistencyText('No sentence end here')).toBe('No sentence end here');
    expect(consistencyText(`First. ${'word '.repeat(100)}`).split(' ')).toHaveLength(64);
  });

  it('is the mean over frames of min(1, 2·max(cos, 0))', () => {
    expect(consistencyScore([1, 0.25, -0.5, 0.6])).toBeCloseTo((1 + 0.5 + 0 + 1) / 4, 9);
    expect(consistencyScore([])).toBe(0);
  });
});
