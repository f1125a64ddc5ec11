// Lists the import cycles among the project's own modules and exits 1 when there is one.
// Usage: npx tsx scripts/import-cycles.ts (also run by `npm run lint`);
// test/unit/import-cycles.test.ts runs the same analysis (importCycles) in the test suite.
//
// It replaces eslint-plugin-import's `import/no-cycle`, which took 100 of the 120 s of `eslint .`
// (it re-parses every dependency of every linted file with the typescript-eslint parser). The
// graph is the same one that rule walks: the files ESLint lints (*.ts, *.tsx, *.mts, *.mjs outside
// the ignored folders) and every first-party file they reach; modules resolved by TypeScript with
// the project's tsconfig (so `@/…` paths and index files resolve as they do for tsc and Next.js);
// packages (anything under node_modules) and unresolved specifiers left out. An edge is a static
// import (a side-effect import `import './x'` included), a re-export (`export … from`) or a dynamic
// `import('literal')`; type-only imports and exports (`import type`, `import { type A }` with
// every specifier a type, `export type … from`) are erased at compile time and are not edges.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The folders eslint.config.mjs ignores (plus dot-folders and node_modules anywhere). */
const IGNORED = new Set(['generated', 'data', 'test-results', 'playwright-report', 'bench/out']);
const LINTED = /\.(ts|tsx|mts|mjs)$/;

function lintedFiles(root: string, dir = root): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const p = path.join(dir, e.name);
    const rel = path.relative(root, p).split(path.sep).join('/');
    if (e.isDirectory()) return e.name.startsWith('.') || e.name === 'node_modules' || IGNORED.has(rel) ? [] : lintedFiles(root, p);
    return e.isFile() && LINTED.test(e.name) && rel !== 'next-env.d.ts' ? [p] : [];
  });
}

/** One import in a file: the specifier as written, its line, and the file it resolves to. */
type Edge = { to: string; specifier: string; line: number };

/** A cycle as the chain of imports that closes it; paths relative to the root. */
export type Cycle = { file: string; specifier: string; line: number }[];

/** The value (non-type-only) imports of one source file. */
function valueImports(sf: ts.SourceFile): { specifier: string; pos: number }[] {
  const out: { specifier: string; pos: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name && !!clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly) out.push({ specifier: node.moduleSpecifier.text, pos: node.moduleSpecifier.getStart(sf) });
      return;
    }
    if (ts.isExportDeclaration(node)) {
      if (node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) out.push({ specifier: node.moduleSpecifier.text, pos: node.moduleSpecifier.getStart(sf) });
      return;
    }
    if (ts.isImportEqualsDeclaration(node)) {
      const ref = node.moduleReference;
      if (!node.isTypeOnly && ts.isExternalModuleReference(ref) && ts.isStringLiteral(ref.expression)) out.push({ specifier: ref.expression.text, pos: ref.expression.getStart(sf) });
      return;
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteralLike(arg)) out.push({ specifier: arg.text, pos: arg.getStart(sf) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function compilerOptions(root: string): ts.CompilerOptions {
  const file = path.join(root, 'tsconfig.json');
  const read = ts.readConfigFile(file, (p) => ts.sys.readFile(p));
  if (read.error) throw new Error(`${file}: ${ts.flattenDiagnosticMessageText(read.error.messageText, '\n')}`);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root, undefined, file);
  // .mjs files are linted too (and may be imported): resolve them like the TypeScript ones.
  return { ...parsed.options, allowJs: true };
}

/** Every import cycle among the first-party modules under `root` (one cycle per strongly connected group). */
export function importCycles(root: string = ROOT): Cycle[] {
  const options = compilerOptions(root);
  const host: ts.ModuleResolutionHost = { fileExists: ts.sys.fileExists, readFile: ts.sys.readFile, realpath: ts.sys.realpath, directoryExists: ts.sys.directoryExists };
  const cache = ts.createModuleResolutionCache(root, (f) => f, options);
  const graph = new Map<string, Edge[]>();
  const pending = lintedFiles(root);
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (graph.has(file)) continue;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue; // removed meanwhile (another test's probe file)
    }
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : undefined);
    const edges: Edge[] = [];
    for (const { specifier, pos } of valueImports(sf)) {
      const r = ts.resolveModuleName(specifier, file, options, host, cache).resolvedModule;
      if (!r || r.isExternalLibraryImport) continue;
      const to = path.resolve(r.resolvedFileName);
      if (to.split(path.sep).includes('node_modules') || path.relative(root, to).startsWith('..') || to === file) continue;
      edges.push({ to, specifier, line: sf.getLineAndCharacterOfPosition(pos).line + 1 });
      if (!graph.has(to)) pending.push(to);
    }
    graph.set(file, edges);
  }

  // Tarjan's strongly connected components: every group of two or more files holds a cycle.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const strong = (start: string): void => {
    // Iterative, so a long import chain cannot overflow the call stack.
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    idx.set(start, index);
    low.set(start, index++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const edges = graph.get(top.node) ?? [];
      if (top.next < edges.length) {
        const to = edges[top.next++]!.to;
        if (!idx.has(to)) {
          idx.set(to, index);
          low.set(to, index++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) low.set(top.node, Math.min(low.get(top.node)!, idx.get(to)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === idx.get(top.node)) {
        const group: string[] = [];
        let n: string;
        do {
          n = stack.pop()!;
          onStack.delete(n);
          group.push(n);
        } while (n !== top.node);
        if (group.length > 1) groups.push(group);
      }
    }
  };
  for (const node of [...graph.keys()].sort()) if (!idx.has(node)) strong(node);

  // For each group, the shortest chain of imports from its first file (by path) back to itself.
  const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
  return groups
    .map((group) => {
      const members = new Set(group);
      const start = [...group].sort()[0]!;
      const via = new Map<string, { from: string; edge: Edge }>();
      const queue = [start];
      let closing: { from: string; edge: Edge } | undefined;
      for (let i = 0; i < queue.length && !closing; i++) {
        const from = queue[i]!;
        for (const edge of graph.get(from) ?? []) {
          if (!members.has(edge.to)) continue;
          if (edge.to === start) {
            closing = { from, edge };
            break;
          }
          if (!via.has(edge.to)) {
            via.set(edge.to, { from, edge });
            queue.push(edge.to);
          }
        }
      }
      const chain: Cycle = [];
      for (let step = closing; step; step = via.get(step.from)) chain.unshift({ file: rel(step.from), specifier: step.edge.specifier, line: step.edge.line });
      return chain;
    })
    .sort((a, b) => a[0]!.file.localeCompare(b[0]!.file));
}

export function describeCycle(cycle: Cycle): string {
  return [[...cycle.map((s) => s.file), cycle[0]!.file].join(' -> '), ...cycle.map((s) => `  ${s.file}:${s.line} imports '${s.specifier}'`)].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const cycles = importCycles();
  for (const c of cycles) console.error(`Import cycle:\n${describeCycle(c)}`);
  console.log(`import cycles: ${cycles.length} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  process.exit(cycles.length > 0 ? 1 : 0);
}
