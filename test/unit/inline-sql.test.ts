import { describe, expect, it } from 'vitest';
import { Prisma } from '@/generated/prisma/client';
import { inlineSql } from '@/lib/export/copy-rows';

describe('inlineSql (values written in for COPY)', () => {
  it('quotes strings with the driver, writes numbers, booleans, nulls, arrays and dates', () => {
    const q = Prisma.sql`SELECT ${"it's"}, ${3.5}, ${true}, ${null}, ${['a', "b'c"]}::text[], ${new Date('2026-01-02T03:04:05Z')}::timestamptz`;
    expect(inlineSql(q)).toBe(`SELECT 'it''s', 3.5, TRUE, NULL, ARRAY['a', 'b''c']::text[], '2026-01-02T03:04:05.000Z'::timestamptz`);
  });

  it('leaves placeholders inside quoted strings and identifiers alone', () => {
    const q = Prisma.sql`SELECT '$1' AS "x$1", ${7}`;
    expect(inlineSql(q)).toBe(`SELECT '$1' AS "x$1", 7`);
  });

  it('uses the escape form for backslashes and refuses what it cannot write', () => {
    expect(inlineSql(Prisma.sql`SELECT ${'a\\b'}`)).toBe(`SELECT  E'a\\\\b'`);
    expect(() => inlineSql(Prisma.sql`SELECT ${Number.NaN}`)).toThrow(/non-finite/);
    expect(() => inlineSql(Prisma.sql`SELECT ${{ a: 1 }}`)).toThrow(/cannot inline/);
  });
});
