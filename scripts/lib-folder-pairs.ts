// Lists the two-way folder pairs in lib/ (lib/a imports lib/b and lib/b imports lib/a), the
// seams issue 14 asks to break. Exits 1 when there is one. Usage: npx tsx scripts/lib-folder-pairs.ts
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const lib = path.join(root, 'lib');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

/** The top folder under lib/ a path is in ('' for lib/*.ts files). */
function folderOf(abs: string): string | null {
  const rel = path.relative(lib, abs);
  if (rel.startsWith('..')) return null;
  const parts = rel.split(path.sep);
  return parts.length > 1 ? parts[0]! : '';
}

const edges = new Map<string, Map<string, string[]>>();
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
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

let pairs = 0;
for (const [a, outs] of [...edges].sort(([x], [y]) => x.localeCompare(y))) {
  for (const [b, via] of outs) {
    if (a >= b) continue;
    const back = edges.get(b)?.get(a);
    if (!back) continue;
    pairs++;
    console.log(`lib/${a} <-> lib/${b}`);
    console.log(`  ${a} -> ${b}: ${[...new Set(via)].join(', ')}`);
    console.log(`  ${b} -> ${a}: ${[...new Set(back)].join(', ')}`);
  }
}
console.log(pairs === 0 ? 'no two-way folder pairs in lib/' : `${pairs} two-way folder pair(s)`);
process.exit(pairs === 0 ? 0 : 1);
