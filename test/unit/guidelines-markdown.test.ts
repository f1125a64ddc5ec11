import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, safeHref } from '@/lib/guidelines/markdown';

describe('guidelines markdown', () => {
  it('reads headings, paragraphs, lists, quotes, code and rules', () => {
    const blocks = parseMarkdown('# Accept when\n\nThe CoT cites\nthe video.\n\n- one\n- two\n  continued\n\n1. first\n2) second\n\n> note\n\n```\n<b>x</b>\n```\n\n---');
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'list', 'quote', 'code', 'rule']);
    expect(blocks[1]).toEqual({ kind: 'paragraph', children: [{ kind: 'text', text: 'The CoT cites the video.' }] });
    expect(blocks[2]).toMatchObject({ ordered: false, items: [[{ text: 'one' }], [{ text: 'two continued' }]] });
    expect(blocks[3]).toMatchObject({ ordered: true, items: [[{ text: 'first' }], [{ text: 'second' }]] });
    expect(blocks[5]).toEqual({ kind: 'code', text: '<b>x</b>' });
  });

  it('reads bold, italic, code and links inline', () => {
    expect(parseInline('a **b** *c* `d` [e](https://x.org)')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'strong', children: [{ kind: 'text', text: 'b' }] },
      { kind: 'text', text: ' ' },
      { kind: 'em', children: [{ kind: 'text', text: 'c' }] },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'd' },
      { kind: 'text', text: ' ' },
      { kind: 'link', href: 'https://x.org', children: [{ kind: 'text', text: 'e' }] },
    ]);
  });

  it('keeps raw HTML as text and drops unsafe link targets', () => {
    expect(parseMarkdown('<script>alert(1)</script>')).toEqual([{ kind: 'paragraph', children: [{ kind: 'text', text: '<script>alert(1)</script>' }] }]);
    expect(parseInline('[x](javascript:alert(1))')[0]).toMatchObject({ kind: 'text' });
    expect(safeHref('data:text/html,hi')).toBeNull();
    expect(safeHref('//evil.example')).toBeNull();
    expect(safeHref('/items?dataset=1')).toBe('/items?dataset=1');
  });
});
