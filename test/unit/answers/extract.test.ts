import { describe, expect, it } from 'vitest';
import {
  checkFormat,
  extractAnswer,
  extractThink,
  hasAnswerTag,
  pySplit,
  pyStrip,
  splitCot,
} from '@/lib/answers/extract';

describe('pyStrip / pySplit (Python str.strip() / str.split())', () => {
  it('strips the whitespace Python strips, including U+001C–U+001F and U+0085', () => {
    expect(pyStrip(' \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u3000 A \u2028')).toBe('A');
  });

  it('keeps U+FEFF, which JavaScript trim() would remove but Python does not', () => {
    expect(pyStrip('\ufeffA\ufeff')).toBe('\ufeffA\ufeff');
  });

  it('splits on whitespace runs without empty items', () => {
    expect(pySplit('  a \n\t b\u3000c  ')).toEqual(['a', 'b', 'c']);
    expect(pySplit('')).toEqual([]);
    expect(pySplit(' \n ')).toEqual([]);
  });
});

describe('extractAnswer', () => {
  it('returns the stripped content of the answer tag', () => {
    expect(extractAnswer('<think>t</think><answer>A</answer>')).toBe('A');
    expect(extractAnswer('<answer>\n  B \n</answer>')).toBe('B');
    expect(extractAnswer('<think>t</think><answer> a b </answer>')).toBe('a b');
  });

  it('takes the first answer tag when there are several', () => {
    expect(extractAnswer('x<answer>1</answer><answer>2</answer>')).toBe('1');
  });

  it('stops at the first closing tag and keeps a nested opening tag, like the lazy regex', () => {
    expect(extractAnswer('<answer><answer>B</answer>')).toBe('<answer>B');
  });

  it('captures answers that span newlines', () => {
    expect(extractAnswer('<answer>multi\nline\nanswer</answer>')).toBe('multi\nline\nanswer');
    expect(extractAnswer('<answer>\r\nThe quick\r\nbrown fox\r\n</answer>')).toBe('The quick\r\nbrown fox');
  });

  it('returns an empty string for an empty answer tag in either setting', () => {
    expect(extractAnswer('<answer></answer>')).toBe('');
    expect(extractAnswer('<answer>   </answer>', { missingTag: 'whole-text' })).toBe('');
  });

  it('strips Python whitespace (not JavaScript whitespace) inside the tag', () => {
    expect(extractAnswer('<answer>\x1c x \x85</answer>')).toBe('x');
    expect(extractAnswer('<answer>\ufeffA\ufeff</answer>')).toBe('\ufeffA\ufeff');
  });

  it('is case-sensitive about the tag name', () => {
    expect(extractAnswer('<ANSWER>A</ANSWER>')).toBe('');
  });

  describe('without an answer tag', () => {
    it("defaults to the empty string (the training reward's behaviour)", () => {
      expect(extractAnswer('The answer is B.')).toBe('');
      expect(extractAnswer('<think>no answer here</think>')).toBe('');
    });

    it("returns '' with missingTag 'empty'", () => {
      expect(extractAnswer('  B  ', { missingTag: 'empty' })).toBe('');
    });

    it("returns the whole text stripped with missingTag 'whole-text' (the eval script's behaviour)", () => {
      expect(extractAnswer('  B \n', { missingTag: 'whole-text' })).toBe('B');
      expect(extractAnswer('<think>t</think> B', { missingTag: 'whole-text' })).toBe('<think>t</think> B');
    });

    it('treats an unclosed answer tag as missing', () => {
      expect(extractAnswer('<answer>unclosed')).toBe('');
      expect(extractAnswer('<answer>unclosed', { missingTag: 'whole-text' })).toBe('<answer>unclosed');
    });
  });
});

describe('hasAnswerTag', () => {
  it('is true exactly when a complete answer tag exists', () => {
    expect(hasAnswerTag('<answer></answer>')).toBe(true);
    expect(hasAnswerTag('a <answer>\nx\n</answer> b')).toBe(true);
    expect(hasAnswerTag('<answer>x')).toBe(false);
    expect(hasAnswerTag('x</answer>')).toBe(false);
  });
});

describe('extractThink', () => {
  it('returns the stripped content of the first think block', () => {
    expect(extractThink('<think>\nLet me think.\nHmm.\n</think><answer>A</answer>')).toBe('Let me think.\nHmm.');
    expect(extractThink('<think>one</think><think>two</think>')).toBe('one');
  });

  it('returns an empty string for an empty block and null when there is none', () => {
    expect(extractThink('<think></think>')).toBe('');
    expect(extractThink('<answer>A</answer>')).toBeNull();
    expect(extractThink('<think>unclosed')).toBeNull();
  });
});

describe('checkFormat (re.fullmatch of <think>.*?</think>\\s*<answer>.*?</answer>, DOTALL)', () => {
  it.each([
    ['think then answer', '<think>a</think><answer>b</answer>'],
    ['whitespace between the blocks', '<think>a</think>\n \t<answer>b</answer>'],
    ['the SFT target process + "\\n" + solution', '<think>\nreasoning\n</think>\n<answer>B</answer>'],
    ['empty blocks', '<think></think><answer></answer>'],
    ['newlines inside the blocks', '<think>\nline\n</think>\u3000\x1c<answer>\nx\n</answer>'],
    ['a stray closing think inside the think block', '<think>a</think>b</think><answer>c</answer>'],
    ['a stray closing answer inside the answer block', '<think>a</think><answer>b</answer>c</answer>'],
  ])('accepts %s', (_label, text) => {
    expect(checkFormat(text)).toBe(true);
  });

  it.each([
    ['a missing think block', '<answer>b</answer>'],
    ['a missing answer block', '<think>a</think>'],
    ['the answer before the think', '<answer>b</answer><think>a</think>'],
    ['text after the answer', '<think>a</think><answer>b</answer>tail'],
    ['a trailing newline', '<think>a</think><answer>b</answer>\n'],
    ['leading whitespace', ' <think>a</think><answer>b</answer>'],
    ['text before the think', 'Sure! <think>a</think><answer>b</answer>'],
    ['non-whitespace between the blocks', '<think>a</think>x<answer>b</answer>'],
    ['U+FEFF between the blocks (not whitespace to Python)', '<think>a</think>\ufeff<answer>b</answer>'],
    ['an unclosed answer', '<think>a</think><answer>b'],
    ['upper-case tags', '<THINK>a</THINK><ANSWER>b</ANSWER>'],
    ['an empty string', ''],
  ])('rejects %s', (_label, text) => {
    expect(checkFormat(text)).toBe(false);
  });
});

describe('splitCot', () => {
  it('splits a well-formed CoT', () => {
    expect(splitCot('<think>\nI see a dog.\n</think>\n<answer> B </answer>')).toEqual({
      think: 'I see a dog.',
      answer: 'B',
      formatOk: true,
    });
  });

  it('reports missing parts as null and the format as failed', () => {
    expect(splitCot('The answer is B')).toEqual({ think: null, answer: null, formatOk: false });
    expect(splitCot('<think>t</think>')).toEqual({ think: 't', answer: null, formatOk: false });
    expect(splitCot('<answer>B</answer>')).toEqual({ think: null, answer: 'B', formatOk: false });
  });

  it('still extracts both parts when the order is wrong', () => {
    expect(splitCot('<answer>B</answer><think>t</think>')).toEqual({ think: 't', answer: 'B', formatOk: false });
  });
});
