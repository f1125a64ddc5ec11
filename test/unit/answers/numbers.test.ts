import { describe, expect, it } from 'vitest';
import { hasDecimalMark, parseNumber, roundTo2 } from '@/lib/answers/numbers';

// Expected values are what CPython 3.11 gives for float(s.replace(',', '')).
describe('parseNumber', () => {
  it.each([
    ['42', 42],
    ['-5', -5],
    ['+.5', 0.5],
    ['.5', 0.5],
    ['5.', 5],
    ['3.14159', 3.14159],
    ['1e5', 100000],
    ['1E+05', 100000],
    ['1e-3', 0.001],
    [' 42 ', 42],
    ['\n\t7\r', 7],
    ['\u20035\u3000', 5],
    ['\x855\x85', 5],
    ['1,000', 1000],
    ['1,000,000.5', 1000000.5],
    ['1,0.5', 10.5],
    [',5,', 5],
    ['1_000', 1000],
    ['1e1_0', 1e10],
    ['１２', 12],
    ['٣.٥', 3.5],
    ['𝟏𝟐', 12],
    ['-0', -0],
  ])('parses %j as %d', (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });

  it.each([
    [''],
    [' '],
    ['.'],
    ['+'],
    ['e5'],
    ['5e'],
    ['abc'],
    ['12abc'],
    ['3 apples'],
    ['- 5'],
    ['1 000'],
    ['1.5.2'],
    ['0x10'],
    ['1__000'],
    ['_1'],
    ['1_'],
    ['1_.5'],
    ['1._5'],
    ['\x1c5'],
    ['5\ufeff'],
    ['$5'],
    ['5%'],
  ])('rejects %j, as float() does', (text) => {
    expect(parseNumber(text)).toBeNull();
  });

  it.each([['inf'], ['-Infinity'], ['nan'], ['NaN'], ['1e400']])(
    'rejects the non-finite %j (a deliberate departure from float())',
    (text) => {
      expect(parseNumber(text)).toBeNull();
    },
  );
});

describe('hasDecimalMark', () => {
  it("is true when the raw text contains '.' or ','", () => {
    expect(hasDecimalMark('3.0')).toBe(true);
    expect(hasDecimalMark('1,000')).toBe(true);
    expect(hasDecimalMark('.')).toBe(true);
    expect(hasDecimalMark('3')).toBe(false);
    expect(hasDecimalMark('1e5')).toBe(false);
    expect(hasDecimalMark('')).toBe(false);
  });
});

// Expected values are CPython's round(x, 2): exact binary value, ties to even.
describe('roundTo2', () => {
  it.each([
    [3.14159, 3.14],
    [3.145, 3.15], // stored as 3.14500000000000001776…
    [2.675, 2.67], // stored as 2.67499999999999982236…
    [1.005, 1],
    [0.045, 0.04],
    [0.125, 0.12], // exact tie: to even
    [0.375, 0.38], // exact tie: to even
    [-0.125, -0.12],
    [-0.375, -0.38],
    [123456789.125, 123456789.12],
    [2.5, 2.5],
    [0.0049999, 0],
    [7, 7],
    [1e16, 1e16],
  ])('rounds %d to %d', (x, expected) => {
    expect(roundTo2(x)).toBe(expected);
  });

  it('keeps the sign of a value that rounds to zero, which still equals 0', () => {
    expect(Object.is(roundTo2(-0.001), -0)).toBe(true);
    expect(roundTo2(-0.001) === 0).toBe(true);
  });

  it('passes non-finite values through', () => {
    expect(roundTo2(Infinity)).toBe(Infinity);
    expect(roundTo2(Number.NaN)).toBeNaN();
  });
});
