import { describe, expect, it } from 'vitest';
import { CORRECT_TOLERANCE, checkCot, scoreAnswer, type ScoreMode } from '@/lib/answers/score';
import { PROBLEM_TYPES, isProblemType, type ProblemType } from '@/lib/answers/problem-types';

function score(problemType: ProblemType, prediction: string, groundTruth: string, mode: ScoreMode = 'training') {
  return scoreAnswer({ problemType, prediction, groundTruth, mode });
}

describe('problem types', () => {
  it('lists exactly the five strings the trainers dispatch on', () => {
    expect(PROBLEM_TYPES).toEqual(['multiple choice', 'numerical', 'OCR', 'free-form', 'regression']);
  });

  it('recognises only those exact spellings', () => {
    expect(isProblemType('multiple choice')).toBe(true);
    expect(isProblemType('OCR')).toBe(true);
    expect(isProblemType('ocr')).toBe(false);
    expect(isProblemType('multiple_choice')).toBe(false);
    expect(isProblemType(3)).toBe(false);
  });

  it('throws on a problem type that bypassed the type system', () => {
    expect(() => score('essay' as ProblemType, 'a', 'a')).toThrow(TypeError);
  });
});

describe('multiple choice', () => {
  it('scores equal stripped strings 1', () => {
    expect(score('multiple choice', 'A', 'A')).toEqual({ score: 1, correct: true });
    expect(score('multiple choice', 'A ', 'A')).toEqual({ score: 1, correct: true });
    expect(score('multiple choice', '\u3000A\n', ' A')).toEqual({ score: 1, correct: true });
  });

  it('is case-sensitive and exact', () => {
    expect(score('multiple choice', 'a', 'A')).toEqual({ score: 0, correct: false });
    expect(score('multiple choice', 'A.', 'A')).toEqual({ score: 0, correct: false });
    expect(score('multiple choice', 'A', 'A. a red car')).toEqual({ score: 0, correct: false });
    expect(score('multiple choice', '', 'A')).toEqual({ score: 0, correct: false });
  });
});

describe('numerical', () => {
  it('scores equal integers 1', () => {
    expect(score('numerical', '42', '42').score).toBe(1);
    expect(score('numerical', ' 42 ', '42').score).toBe(1);
  });

  it("scores 0 when exactly one side has a comma: '1,000' vs '1000'", () => {
    expect(score('numerical', '1,000', '1000').score).toBe(0);
    expect(score('numerical', '1000', '1,000').score).toBe(0);
  });

  it('compares values when both sides have a comma', () => {
    expect(score('numerical', '1,000', '1,000').score).toBe(1);
    expect(score('numerical', '10,00', '1,000').score).toBe(1);
  });

  it("scores 0 when exactly one side has a point: '3.0' vs '3'", () => {
    expect(score('numerical', '3.0', '3').score).toBe(0);
    expect(score('numerical', '3', '3.0').score).toBe(0);
  });

  it("rounds both to 2 decimals when both have a point: '3.14159' vs '3.14'", () => {
    expect(score('numerical', '3.14159', '3.14').score).toBe(1);
    expect(score('numerical', '3.0', '3.00').score).toBe(1);
    expect(score('numerical', '3.15', '3.14').score).toBe(0);
  });

  it("rounds like Python: '0.125' vs '0.12' match (ties to even), '2.675' vs '2.68' do not", () => {
    expect(score('numerical', '0.125', '0.12').score).toBe(1);
    expect(score('numerical', '2.675', '2.68').score).toBe(0);
    expect(score('numerical', '2.675', '2.67').score).toBe(1);
  });

  it('scores a comma and a point as the same kind of number', () => {
    // both sides "have a decimal"; 1,000.5 -> 1000.5
    expect(score('numerical', '1,000.5', '1000.50').score).toBe(1);
  });

  it('scores unparsable answers 0', () => {
    expect(score('numerical', 'five', '5').score).toBe(0);
    expect(score('numerical', '5 apples', '5').score).toBe(0);
    expect(score('numerical', '', '5').score).toBe(0);
    expect(score('numerical', '5', 'n/a').score).toBe(0);
    expect(score('numerical', '1.2.3', '1.2').score).toBe(0);
  });

  it('scores non-finite answers 0', () => {
    expect(score('numerical', 'inf', 'inf').score).toBe(0);
    expect(score('numerical', 'nan', 'nan').score).toBe(0);
  });

  it('accepts number forms Python float() accepts', () => {
    expect(score('numerical', '1e3', '1000').score).toBe(1);
    expect(score('numerical', '１２', '12').score).toBe(1);
    expect(score('numerical', '-0', '0').score).toBe(1);
  });

  it('ignores the mode', () => {
    expect(score('numerical', '3.14159', '3.14', 'eval').score).toBe(1);
  });
});

describe('OCR', () => {
  it('scores 1 − WER', () => {
    expect(score('OCR', 'STOP sign', 'STOP sign')).toEqual({ score: 1, correct: true });
    expect(score('OCR', 'a x c', 'a b c d').score).toBe(0.5);
    expect(score('OCR', 'Hello world', 'hello world').score).toBe(0.5);
  });

  it('clips to 0 when the WER exceeds 1', () => {
    expect(score('OCR', 'a b c', 'a').score).toBe(0);
  });

  it('handles an empty reference: 1 for an empty prediction, 0 otherwise', () => {
    expect(score('OCR', '', '')).toEqual({ score: 1, correct: true });
    expect(score('OCR', 'x', '')).toEqual({ score: 0, correct: false });
  });

  it('scores an empty prediction 0 against a non-empty reference', () => {
    expect(score('OCR', '', 'EXIT')).toEqual({ score: 0, correct: false });
  });
});

describe('free-form', () => {
  it('scores the mean of ROUGE-1/2/L F1', () => {
    expect(score('free-form', 'the cat lay on the mat', 'the cat sat on the mat').score).toBeCloseTo(34 / 45, 12);
    expect(score('free-form', 'The man is running.', 'the man is running')).toEqual({ score: 1, correct: true });
  });

  it('scores 0 for nothing in common', () => {
    expect(score('free-form', 'blue', 'a red car')).toEqual({ score: 0, correct: false });
  });
});

describe('regression, training formula', () => {
  it('scores a perfect answer just under 1, and counts it as correct', () => {
    const r = score('regression', '5', '5');
    expect(r.score).toBeLessThan(1);
    expect(r.score).toBeCloseTo(1 - 1e-9 / (5 + 1e-9), 15);
    expect(r.correct).toBe(true);
  });

  it('gives 1 − relative error', () => {
    expect(score('regression', '110', '100').score).toBeCloseTo(0.9, 9);
    expect(score('regression', '75', '100').score).toBeCloseTo(0.75, 9);
    expect(score('regression', '-90', '-100').score).toBeCloseTo(0.9, 9);
  });

  it('clips a relative error above 1 to a score of 0', () => {
    expect(score('regression', '250', '100').score).toBe(0);
    expect(score('regression', '-100', '100').score).toBe(0);
  });

  it('scores everything 0 when the ground truth is 0, even an exact 0', () => {
    // (|0 − 0| + 1e-9) / (|0| + 1e-9) = 1, clipped to 1, so the reward is 0
    expect(score('regression', '0', '0')).toEqual({ score: 0, correct: false });
    expect(score('regression', '3', '0').score).toBe(0);
  });

  it('counts a near-perfect answer on a tiny ground truth as not correct', () => {
    // 1 − 1e-9/1e-4 = 1 − 1e-5, outside the 1e-6 tolerance
    expect(score('regression', '0.0001', '0.0001').correct).toBe(false);
  });

  it('accepts commas and decimals freely, unlike numerical', () => {
    expect(score('regression', '1,000', '1000').correct).toBe(true);
    expect(score('regression', '3.0', '3').correct).toBe(true);
  });

  it('scores unparsable answers 0', () => {
    expect(score('regression', 'about 5', '5').score).toBe(0);
    expect(score('regression', '5', '').score).toBe(0);
  });
});

describe('regression, eval (mean relative accuracy)', () => {
  const evalScore = (p: string, g: string) => score('regression', p, g, 'eval').score;

  it('scores an exact answer exactly 1', () => {
    expect(score('regression', '5', '5', 'eval')).toEqual({ score: 1, correct: true });
  });

  it('counts the thresholds θ ∈ {0.50, …, 0.95} with relative error < 1 − θ', () => {
    expect(evalScore('104', '100')).toBe(1); // 0.04 < 0.05
    expect(evalScore('120', '100')).toBe(0.6); // 0.2 < 1 − θ for θ ≤ 0.75
    expect(evalScore('130', '100')).toBe(0.4); // θ ≤ 0.65
    expect(evalScore('149', '100')).toBe(0.1); // θ = 0.5 only
    expect(evalScore('150', '100')).toBe(0); // 0.5 is not < 0.5
    expect(evalScore('200', '100')).toBe(0);
    expect(evalScore('50', '100')).toBe(0);
  });

  it('decides boundary cases in float32 like the eval script', () => {
    // relative error exactly 0.1: float32(0.1) < 1 − float32(0.9), so θ = 0.9 counts too
    expect(evalScore('110', '100')).toBe(0.9);
    expect(evalScore('90', '100')).toBe(0.9);
    expect(evalScore('5.5', '5')).toBe(0.9);
    // relative error exactly 0.05 counts at θ = 0.95
    expect(evalScore('105', '100')).toBe(1);
    expect(evalScore('21', '20')).toBe(1);
  });

  it('handles a ground truth of 0 through the 1e-8 guard: 1 for 0, 0 otherwise', () => {
    expect(score('regression', '0', '0', 'eval')).toEqual({ score: 1, correct: true });
    expect(evalScore('1', '0')).toBe(0);
  });

  it('scores unparsable answers 0', () => {
    expect(evalScore('n/a', '5')).toBe(0);
  });
});

describe('correctness tolerance', () => {
  it('is 1e-6', () => {
    expect(CORRECT_TOLERANCE).toBe(1e-6);
  });

  it('does not count a high partial score as correct', () => {
    expect(score('OCR', 'a b c d e f g h i j', 'a b c d e f g h i x').correct).toBe(false);
  });
});

describe('checkCot', () => {
  const solution = '<answer>B</answer>';

  it('extracts, scores and format-checks a correct CoT', () => {
    expect(
      checkCot({
        problemType: 'multiple choice',
        cotText: '<think>\nThe video shows a red car.\n</think>\n<answer> B </answer>',
        solution,
      }),
    ).toEqual({ prediction: 'B', groundTruth: 'B', score: 1, correct: true, formatOk: true });
  });

  it('scores the answer even when the format check fails', () => {
    expect(checkCot({ problemType: 'multiple choice', cotText: '<answer>B</answer>', solution })).toEqual({
      prediction: 'B',
      groundTruth: 'B',
      score: 1,
      correct: true,
      formatOk: false,
    });
  });

  it('reads multi-line answers from both sides', () => {
    const r = checkCot({
      problemType: 'OCR',
      cotText: '<think>reading the sign</think><answer>\nNO\nPARKING\n</answer>',
      solution: '<answer>NO PARKING</answer>',
    });
    expect(r).toMatchObject({ prediction: 'NO\nPARKING', groundTruth: 'NO PARKING', score: 1, correct: true });
  });

  it("scores a CoT without an answer tag 0 by default ('empty')", () => {
    const r = checkCot({ problemType: 'multiple choice', cotText: '<think>t</think> B', solution });
    expect(r).toEqual({ prediction: '', groundTruth: 'B', score: 0, correct: false, formatOk: false });
  });

  it("scores a missing tag 0 even against an equally tagless solution under 'empty'", () => {
    const r = checkCot({ problemType: 'OCR', cotText: 'no tags', solution: 'none either', missingTag: 'empty' });
    expect(r).toMatchObject({ prediction: '', groundTruth: '', score: 0, correct: false });
  });

  it("uses the whole text as the answer with missingTag 'whole-text'", () => {
    const r = checkCot({ problemType: 'multiple choice', cotText: ' B\n', solution, missingTag: 'whole-text' });
    expect(r).toEqual({ prediction: 'B', groundTruth: 'B', score: 1, correct: true, formatOk: false });
  });

  it('applies the missing-tag setting to the solution too', () => {
    expect(
      checkCot({ problemType: 'numerical', cotText: '<answer>7</answer>', solution: '7', missingTag: 'whole-text' }),
    ).toMatchObject({ groundTruth: '7', score: 1 });
    expect(checkCot({ problemType: 'numerical', cotText: '<answer>7</answer>', solution: '7' })).toMatchObject({
      groundTruth: '',
      score: 0,
    });
  });

  it('passes the mode through for regression', () => {
    const base = { problemType: 'regression' as const, cotText: '<think>t</think><answer>110</answer>', solution: '<answer>100</answer>' };
    expect(checkCot(base).score).toBeCloseTo(0.9, 9);
    expect(checkCot({ ...base, mode: 'eval' }).score).toBe(0.9);
    expect(checkCot({ ...base, cotText: '<think>t</think><answer>100</answer>' }).correct).toBe(true);
  });
});
