import { describe, expect, it } from 'vitest';
import { checkFormat } from '@/lib/answers/extract';
import { foldOptions, optionsListed } from '@/lib/records/fold-options';
import { placeMediaToken } from '@/lib/export/media-tokens';
import { rawObjectFields } from '@/lib/records/raw-json';
import { importedCotText } from '@/lib/import/validate-record';
import { staysInsideRoot } from '@/lib/media/resolve-path';

describe('the format check', () => {
  it('fails a CoT with two <answer> blocks (an imported process with the solution appended)', () => {
    expect(checkFormat('<think>x</think>\n<answer>A</answer>')).toBe(true);
    expect(checkFormat('<think>x</think>\n<answer>A</answer>\n<answer>A</answer>')).toBe(false);
  });

  it('imported CoTs are stored once: the process when it has its answer, else process + solution', () => {
    expect(importedCotText('<think>x</think>\n<answer>A</answer>', '<answer>B</answer>')).toBe('<think>x</think>\n<answer>A</answer>');
    expect(importedCotText('<think>x</think>', '<answer>B</answer>')).toBe('<think>x</think>\n<answer>B</answer>');
  });
});

describe('option folding', () => {
  it('never appends an empty options block', () => {
    expect(foldOptions('How many?', [], true)).toBe('How many?');
  });

  it('does not list options twice when the question has them in the A) or A. form', () => {
    const options = ['A. red', 'B. blue'];
    expect(foldOptions('Colour?\nA) red\nB) blue', options, true)).toBe('Colour?\nA) red\nB) blue');
    expect(foldOptions('Colour?\n(A) red\n(B) blue\nPick one.', options, true)).toBe('Colour?\n(A) red\n(B) blue\nPick one.');
    expect(foldOptions('Colour?\nA) red\nB) blue', options, false)).toBe('Colour?');
    expect(optionsListed('Colour?\nA) red', options)).toBe(false);
    expect(foldOptions('Colour?\nA) red', options, true)).toBe('Colour?\nA) red\nA. red\nB. blue');
  });
});

describe('media tokens in sharegpt', () => {
  it('keeps a single token of the right kind in place and neutralises every other one', () => {
    expect(placeMediaToken('<video>\nWhat?', 'x', 'video')).toEqual({ user: '<video>\nWhat?', assistant: 'x' });
    expect(placeMediaToken('<video><video> What?', '<video>', 'video')).toEqual({ user: '<video>videovideo What?', assistant: 'video' });
    expect(placeMediaToken('<image> What?', '', 'video')).toEqual({ user: '<video>image What?', assistant: '' });
  });
});

describe('raw JSON fields', () => {
  it('keeps number spellings and nested key order, without whitespace between tokens', () => {
    const raw = rawObjectFields('{ "a" : 1.0 , "b": { "z" : [1E2, -0.0], "1": "x \\" }" }, "c":"s"}');
    expect([...raw]).toEqual([
      ['a', '1.0'],
      ['b', '{"z":[1E2,-0.0],"1":"x \\" }"}'],
      ['c', '"s"'],
    ]);
  });
});

describe('media paths', () => {
  it('a folder named ..foo stays inside the root; .. still climbs out', () => {
    expect(staysInsideRoot('./..foo/x.mp4')).toBe(true);
    expect(staysInsideRoot('..foo')).toBe(true);
    expect(staysInsideRoot('../x.mp4')).toBe(false);
    expect(staysInsideRoot('./a/../../x.mp4')).toBe(false);
  });
});
