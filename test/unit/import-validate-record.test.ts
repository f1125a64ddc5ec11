import { describe, expect, it } from 'vitest';
import { validateRecord } from '@/lib/import/validate-record';
import { arrayLiteral, copyValue } from '@/lib/import/copy-text';

const good = {
  problem_id: 7,
  problem: 'How many?',
  options: [],
  problem_type: 'numerical',
  data_type: 'video',
  path: './STAR/a.mp4',
  data_source: 'STAR',
  solution: '<answer> 3 </answer>',
};

function issues(record: unknown) {
  const v = validateRecord(record);
  if (v.ok) throw new Error('expected the record to be refused');
  return v.issues;
}

describe('validating a record', () => {
  it('accepts a Video-R1 record, keeping the id type, key order and unknown fields', () => {
    const v = validateRecord({ ...good, answer: '3', reward: { r: 1 } });
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.record).toMatchObject({ problemId: '7', problemIdIsNumber: true, groundTruth: '3', extra: { answer: '3', reward: { r: 1 } }, cot: null });
    expect(v.record.fieldOrder).toEqual([...Object.keys(good), 'answer', 'reward']);
    const s = validateRecord({ ...good, problem_id: '0007' });
    expect(s.ok && s.record).toMatchObject({ problemId: '0007', problemIdIsNumber: false });
  });

  it('names the field and what was expected', () => {
    expect(issues({ ...good, problem_type: 'essay' })).toEqual([
      { field: 'problem_type', message: 'expected one of "multiple choice", "numerical", "OCR", "free-form", "regression", got "essay"' },
    ]);
    expect(issues({ ...good, data_type: 'audio' })[0]).toEqual({ field: 'data_type', message: 'expected "video" or "image", got "audio"' });
    expect(issues({ ...good, problem_id: 1.5 })[0]).toMatchObject({ field: 'problem_id', message: expect.stringMatching(/integer or a non-empty string, got 1.5/) });
    expect(issues({ ...good, options: 'A. x' })[0]).toMatchObject({ field: 'options', message: expect.stringMatching(/array of strings/) });
    expect(issues({ ...good, options: ['A. x', 2] })[0]).toMatchObject({ field: 'options.1' });
    const noSolution: Record<string, unknown> = { ...good };
    delete noSolution.solution;
    expect(issues(noSolution)[0]).toMatchObject({ field: 'solution', message: expect.stringMatching(/missing/) });
    expect(issues([good])[0]).toEqual({ field: null, message: 'expected a JSON object, got an array' });
  });

  it('refuses media paths that leave the media root', () => {
    for (const p of ['../x.mp4', './a/../../x.mp4', '/etc/passwd']) {
      expect(issues({ ...good, path: p })[0]).toMatchObject({ field: 'path', message: expect.stringMatching(/leaves the media root/) });
    }
    expect(validateRecord({ ...good, path: 'videos/x.mp4' }).ok).toBe(true);
  });

  it('refuses values the database would store differently (NUL, unpaired surrogates), naming the field', () => {
    expect(issues({ ...good, problem: 'a\u0000b' })[0]).toMatchObject({ field: 'problem', message: expect.stringMatching(/NUL/) });
    expect(issues({ ...good, meta: { note: 'x\ud800y' } })[0]).toMatchObject({ field: 'meta.note', message: expect.stringMatching(/surrogate/) });
    expect(validateRecord({ ...good, problem: 'paired 🎬 is fine' }).ok).toBe(true);
  });

  it('keeps a field named __proto__ as an ordinary field', () => {
    const v = validateRecord(JSON.parse(JSON.stringify(good).replace(/}$/, ',"__proto__":{"x":1}}')));
    expect(v.ok && Object.getPrototypeOf(v.record.extra)).toBe(Object.prototype);
    expect(v.ok && Object.hasOwn(v.record.extra, '__proto__')).toBe(true);
  });

  it('turns process into a scored CoT (process + newline + solution, the training target)', () => {
    const v = validateRecord({ ...good, process: '<think>two and one</think>' });
    expect(v.ok && v.record.cot).toEqual({
      text: '<think>two and one</think>\n<answer> 3 </answer>',
      think: 'two and one',
      answer: '3',
      formatOk: true,
      answerScore: 1,
      answerCorrect: true,
    });
  });

  it('recognises options already inside the problem', () => {
    const mc = { ...good, problem_type: 'multiple choice', options: ['A. red', 'B. blue'], solution: '<answer>A</answer>' };
    expect(validateRecord({ ...mc, problem: 'Colour?\nA. red\nB. blue' })).toMatchObject({ ok: true, record: { optionsInProblem: true } });
    expect(validateRecord({ ...mc, problem: 'Colour?' })).toMatchObject({ ok: true, record: { optionsInProblem: false } });
  });
});

describe('COPY text encoding', () => {
  it('escapes what COPY would otherwise read as structure, and keeps \\N as text', () => {
    expect(copyValue('a\tb\nc\rd\\N')).toBe('a\\tb\\nc\\rd\\\\N');
    expect(copyValue(null)).toBe('\\N');
    expect(arrayLiteral([])).toBe('{}');
    expect(arrayLiteral(['NULL', 'a "q", {b}', 'c\\d'])).toBe('{"NULL","a \\"q\\", {b}","c\\\\d"}');
  });
});
