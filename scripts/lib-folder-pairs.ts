// Lists the two-way folder pairs in lib/ (lib/a imports lib/b and lib/b imports lib/a), the
// seams issue 14 asks to break. Exits 1 when there is one. Usage: npx tsx scripts/lib-folder-pairs.ts
// test/unit/lib-folder-pairs.test.ts runs the same analysis (libFolderPairs) in the test suite.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

/** Two lib folders that import each other, with the files importing each way (paths from the repo root). */
export type FolderPair = { a: string; b: string; aToB: string[]; bToA: string[] };

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The two-way folder pairs among the top folders of `root`/lib (lib/*.ts files belong to none). */
export function libFolderPairs(root: string = ROOT): FolderPair[] {
  const lib = path.join(root, 'lib');
  /** The top folder under lib/ a path is in ('' for lib/*.ts files). */
  const folderOf = (abs: string): string | null => {
    const rel = path.relative(lib, abs);
    if (rel.startsWith('..')) return null;
    const parts = rel.split(path.sep);
    return parts.length > 1 ? parts[0]! : '';
  };
  const edges = new Map<string, Map<string, string[]>>();
  for (const file of files(lib)) {
    const from = folderOf(file);
    if (!from) continue;
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2]!;
      let target: string | null = null;
      if (spec.startsWith('@/lib/')) target = path.join(root, spec.slice(2));
      else if (spec.startsWith('.')) target = path.resolve(path.dirname(file), spec);
      if (!target) continue;
      const to = folderOf(target);
      if (to === null || to === '' || to === from) continue;
      const out = edges.get(from) ?? new Map<string, string[]>();
      out.set(to, [...(out.get(to) ?? []), path.relative(root, file)]);
      edges.set(from, out);
    }
  }
  const pairs: FolderPair[] = [];
  for (const [a, outs] of [...edges].sort(([x], [y]) => x.localeCompare(y))) {
    for (const [b, via] of outs) {
      if (a >= b) continue;
      const back = edges.get(b)?.get(a);
      if (back) pairs.push({ a, b, aToB: [...new Set(via)], bToA: [...new Set(back)] });
    }
  }
  return pairs;
}

/** A pair as the report prints it: the pair, then the files importing each way. */
export function describePair(p: FolderPair): string {
  return [`lib/${p.a} <-> lib/${p.b}`, `  ${p.a} -> ${p.b}: ${p.aToB.join(', ')}`, `  ${p.b} -> ${p.a}: ${p.bToA.join(', ')}`].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const pairs = libFolderPairs();
  for (const p of pairs) console.log(describePair(p));
  console.log(pairs.length === 0 ? 'no two-way folder pairs in lib/' : `${pairs.length} two-way folder pair(s)`);
  process.exit(pairs.length === 0 ? 0 : 1);
}
