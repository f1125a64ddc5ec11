// PostgreSQL's COPY text format: tab-separated, one row per line, \N for NULL, and backslash,
// tab, newline and carriage return escaped inside values.

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function copyValue(v: string | number | boolean | null): string {
  if (v === null) return '\\N';
  if (typeof v !== 'string') return String(v);
  return SPECIAL.test(v) ? v.replace(SPECIAL_ALL, (c) => ESCAPES[c]!) : v;
}

/** A text[] literal: every element quoted, so commas, braces, quotes and "NULL" stay text. */
export function arrayLiteral(items: readonly string[]): string {
  if (items.length === 0) return '{}';
  return `{${items.map((s) => `"${s.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

export function copyRow(values: Array<string | number | boolean | null>): string {
  return `${values.map(copyValue).join('\t')}\n`;
}
