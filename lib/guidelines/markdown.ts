// A small, safe markdown reader for review guidelines: headings, paragraphs, lists, quotes,
// code blocks, rules, and inline bold, italic, code and links. It returns a tree of plain
// data that components/guidelines renders as React elements, so raw HTML in the source is only
// ever shown as text, and links keep only http(s), mailto and in-site targets.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; children: Inline[] }
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'quote'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'rule' };

/** Only these link targets are kept; anything else (javascript:, data:, …) becomes plain text. */
export function safeHref(href: string): string | null {
  const h = href.trim();
  if (/^(https?:|mailto:)/i.test(h)) return h;
  if (h.startsWith('/') && !h.startsWith('//')) return h;
  if (h.startsWith('#')) return h;
  return null;
}

const INLINE = /(\*\*(.+?)\*\*|__(.+?)__|\*(?!\s)(.+?)\*|_(?!\s)(.+?)_|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\))/;

export function parseInline(src: string): Inline[] {
  const out: Inline[] = [];
  let rest = src;
  while (rest.length > 0) {
    const m = INLINE.exec(rest);
    if (!m) {
      out.push({ kind: 'text', text: rest });
      break;
    }
    if (m.index > 0) out.push({ kind: 'text', text: rest.slice(0, m.index) });
    if (m[2] !== undefined || m[3] !== undefined) out.push({ kind: 'strong', children: parseInline(m[2] ?? m[3]!) });
    else if (m[4] !== undefined || m[5] !== undefined) out.push({ kind: 'em', children: parseInline(m[4] ?? m[5]!) });
    else if (m[6] !== undefined) out.push({ kind: 'code', text: m[6] });
    else {
      const href = safeHref(m[8]!);
      out.push(href ? { kind: 'link', href, children: parseInline(m[7]!) } : { kind: 'text', text: m[0] });
    }
    rest = rest.slice(m.index + m[0].length);
  }
  return out;
}

const LIST_ITEM = /^\s{0,3}([-*+]|\d{1,3}[.)])\s+(.*)$/;

export function parseMarkdown(src: string): Block[] {
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) blocks.push({ kind: 'paragraph', children: parseInline(para.join(' ')) });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*```/.test(line)) {
      flush();
      const code: string[] = [];
      while (++i < lines.length && !/^\s*```/.test(lines[i]!)) code.push(lines[i]!);
      blocks.push({ kind: 'code', text: code.join('\n') });
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: Math.min(heading[1]!.length, 4) as 1 | 2 | 3 | 4, children: parseInline(heading[2]!) });
      continue;
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flush();
      blocks.push({ kind: 'rule' });
      continue;
    }
    if (/^\s{0,3}>/.test(line)) {
      flush();
      const quote: string[] = [];
      for (; i < lines.length && /^\s{0,3}>/.test(lines[i]!); i++) quote.push(lines[i]!.replace(/^\s{0,3}>\s?/, ''));
      i--;
      blocks.push({ kind: 'quote', children: parseInline(quote.join(' ')) });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      flush();
      const ordered = /\d/.test(item[1]!);
      const items: string[] = [];
      for (; i < lines.length; i++) {
        const l = lines[i]!;
        const m = LIST_ITEM.exec(l);
        if (m && /\d/.test(m[1]!) === ordered) items.push(m[2]!);
        else if (l.trim() !== '' && /^\s+/.test(l) && items.length) items[items.length - 1] += ` ${l.trim()}`;
        else break;
      }
      i--;
      blocks.push({ kind: 'list', ordered, items: items.map(parseInline) });
      continue;
    }
    para.push(line.trim());
  }
  flush();
  return blocks;
}
